import { Aws } from 'aws-cdk-lib';
import type { Stage as RestApiStage } from 'aws-cdk-lib/aws-apigateway';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * The header the console's distribution sets to the viewer's own address on every request it passes to the
 * citizens' API (a CloudFront Function overwrites whatever the viewer sent), so the rules below can count
 * each citizen behind CloudFront rather than CloudFront's edge.
 */
export const VIEWER_ADDRESS_HEADER = 'x-snowops-viewer-ip';

/** The window every rate rule counts over, in seconds. */
export const RATE_WINDOW_SECONDS = 300;

/**
 * Requests in the window before an address is blocked, by what is counted. A reporter's whole round (page
 * data, the SMS code, nearby reports, two photos, the report, a few status reads) is some 20 requests.
 */
export const RATE_LIMITS = {
  /** One citizen (the viewer's address behind CloudFront): 1 a second, sustained over five minutes. */
  perViewer: 300,
  /** One connecting address: a caller direct, or one CloudFront edge address carrying many citizens. Under the stage throttle (10/s, 3,000 in the window), so no one address can take it all. */
  perAddress: 1_500,
  /** SMS codes asked for by one citizen: each sends a text, which costs money and can be used to flood a phone. */
  codesPerViewer: 10,
  /** SMS codes asked for from one connecting address. */
  codesPerAddress: 100,
} as const;

/** The route that sends an SMS code: POST …/citizen/verifications (with the stage before it). */
const CODE_REQUESTS: CfnWebACL.StatementProperty = {
  andStatement: {
    statements: [
      { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'POST', textTransformations: [{ priority: 0, type: 'NONE' }] } },
      { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'ENDS_WITH', searchString: '/citizen/verifications', textTransformations: [{ priority: 0, type: 'NONE' }] } },
    ],
  },
};

const PER_VIEWER = { aggregateKeyType: 'FORWARDED_IP', forwardedIpConfig: { headerName: VIEWER_ADDRESS_HEADER, fallbackBehavior: 'MATCH' } } as const;
const PER_ADDRESS = { aggregateKeyType: 'IP' } as const;

function rateRule(name: string, priority: number, limit: number, key: typeof PER_VIEWER | typeof PER_ADDRESS, scopeDownStatement?: CfnWebACL.StatementProperty): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: {} },
    statement: { rateBasedStatement: { limit, evaluationWindowSec: RATE_WINDOW_SECONDS, ...key, ...(scopeDownStatement ? { scopeDownStatement } : {}) } },
    visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
  };
}

/**
 * The citizens' API's web ACL (REGIONAL, on its REST API stage): rate rules per address, since the public
 * routes have no sign-in. Each is counted twice: per viewer (the address CloudFront saw, from
 * VIEWER_ADDRESS_HEADER; a request without it, i.e. not through CloudFront, is not counted here, and a
 * forged value that is no address is blocked) and per connecting address (which a direct caller cannot forge).
 * Blocked requests get 429 (the REST API's WAF_FILTERED response). The Lambda still limits reports per phone
 * and per address, and SMS codes per phone.
 */
export class PublicApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;
  readonly association: CfnWebACLAssociation;

  constructor(scope: Construct, id: string, props: { stage: RestApiStage }) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: 'snowops citizens API - rate limits per citizen and per connecting address',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `${Aws.STACK_NAME}-public-api` },
      rules: [
        rateRule('code-requests-per-viewer', 0, RATE_LIMITS.codesPerViewer, PER_VIEWER, CODE_REQUESTS),
        rateRule('code-requests-per-address', 1, RATE_LIMITS.codesPerAddress, PER_ADDRESS, CODE_REQUESTS),
        rateRule('requests-per-viewer', 2, RATE_LIMITS.perViewer, PER_VIEWER),
        rateRule('requests-per-address', 3, RATE_LIMITS.perAddress, PER_ADDRESS),
      ],
    });
    this.association = new CfnWebACLAssociation(this, 'Association', { resourceArn: props.stage.stageArn, webAclArn: this.webAcl.attrArn });
  }
}
