import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods, CachePolicy, Distribution, Function as CloudFrontFunction, FunctionCode, FunctionEventType, FunctionRuntime,
  HeadersFrameOption, HeadersReferrerPolicy, OriginProtocolPolicy, OriginRequestPolicy, ResponseHeadersPolicy, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { OAuthScope, UserPoolClientIdentityProvider, type UserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { publicRoutes } from '../../functions/handlers/api/routeTable.ts';
import { PUBLIC_STAGE_NAME, type PublicApi } from '../api/PublicApi.ts';
import { viewerAddressFunctionCode } from './viewerAddressFunctionCode.ts';
import type { SnowopsApi } from '../api/SnowopsApi.ts';
import { CITIZEN_PERMISSIONS_POLICY, citizenContentSecurityPolicy } from '../citizen/citizenContentSecurityPolicy.ts';
import type { PhotoBucket } from '../citizen/PhotoBucket.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';
import { TelemetryKey } from '../observability/TelemetryKey.ts';
import { consoleContentSecurityPolicy } from './consoleContentSecurityPolicy.ts';

/** console/dist, built by the root package's `prepare` script (so `npm ci` leaves it ready for synth). */
const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

export interface ConsoleHostingProps {
  stage: Stage;
  api: SnowopsApi;
  /** The citizens' side: the report page is served under /report/, its routes go to the public API. */
  citizens: { api: PublicApi; photos: PhotoBucket };
}

/** citizen-web/dist, built by the same `prepare` script. */
const CITIZEN_WEB_DIST = fileURLToPath(new URL('../../citizen-web/dist/', import.meta.url));

/**
 * The distribution's path patterns that go to the public API: Open311, and each of the report page's own
 * routes (a path parameter becomes *); every other /citizen/ path is an officer's and goes to their API.
 */
export function publicPathPatterns(): string[] {
  const own = publicRoutes().map((r) => r.path).filter((p) => !p.startsWith('/open311/'));
  return ['open311/*', ...new Set(own.map((p) => p.slice(1).replace(/\{[^}]+\}/g, '*')))];
}

/**
 * The web console, deployed: one CloudFront distribution in front of both the console's files (a private
 * S3 bucket read through origin access control, under /console/) and the HTTP API (every other path), so
 * the console and the API share one origin as they do locally: no CORS, and the page's CSP allows
 * `connect-src 'self'` plus the Cognito domain. Sign-in is Cognito's hosted UI with the authorization
 * code flow and PKCE, for an app client with no secret (a browser cannot keep one). config.json, written
 * at deploy beside the page, tells the one build where to sign in. The citizens' report page is served the
 * same way under /report/, and its routes (Open311, /citizen/… public ones) go to the public API.
 */
export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly headers: ResponseHeadersPolicy;
  /** Sets the viewer's address on requests to the citizens' API (VIEWER_ADDRESS_HEADER). */
  readonly viewerAddress: CloudFrontFunction;
  /** The role of CDK's deploy-time copier (BucketDeployment): what it may do is the grants CDK adds. */
  readonly deployRole: Role;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    const settings = stageSettings(props.stage);
    const users = props.api.users;
    // The config schema refuses console.hosted with auth.kind oidc; this says so if the construct is used directly.
    if (!users) throw new Error('the hosted console signs in through the API\'s Cognito user pool, and this API signs in with OIDC');

    // CloudFront's standard logs need an ACL-enabled bucket; S3 server access logs of the site land here too.
    // Retained in every stage: a bucket holding logs cannot be deleted with the stack anyway.
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(settings.logRetention) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(logs, [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket of the console\'s site bucket and distribution; logging it into itself would loop.' }]);

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      // Only built files: the deployment below empties it on stack deletion, so dev can drop it.
      removalPolicy: settings.removalPolicy,
    });

    this.domain = new UserPoolDomain(this, 'SignInDomain', {
      userPool: users.userPool,
      // Unique per stack without a hard-coded name: the stack id's GUID.
      cognitoDomain: { domainPrefix: Fn.join('-', ['snowops', Fn.select(2, Fn.split('/', Aws.STACK_ID))]) },
    });
    const signInBase = this.domain.baseUrl();

    this.headers = new ResponseHeadersPolicy(this, 'Headers', {
      responseHeadersPolicyName: `${Aws.STACK_NAME}-${Aws.REGION}-console`,
      comment: 'snowops console: CSP (scripts from this origin only), no framing, no sniffing, HSTS',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleContentSecurityPolicy([signInBase]), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });

    // /console/ and /console/x/ are the page: S3 has no index documents behind OAC.
    const index = new CloudFrontFunction(this, 'IndexDocument', {
      functionName: `${Aws.STACK_NAME}-${Aws.REGION}-console-index`,
      runtime: FunctionRuntime.JS_2_0,
      comment: 'snowops console: a path ending in / serves its index.html',
      code: FunctionCode.fromInline("function handler(event) { var r = event.request; if (r.uri.endsWith('/')) { r.uri += 'index.html'; } return r; }"),
    });

    // The report page: its own CSP (uploads PUT to the photo bucket), location allowed, camera and microphone not.
    const uploadOrigin = `https://${props.citizens.photos.bucket.bucketRegionalDomainName}`;
    const citizenHeaders = new ResponseHeadersPolicy(this, 'CitizenHeaders', {
      responseHeadersPolicyName: `${Aws.STACK_NAME}-${Aws.REGION}-report`,
      comment: 'snowops report page: CSP (scripts from this origin, uploads to the photo bucket), no framing, no sniffing, HSTS',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: citizenContentSecurityPolicy([uploadOrigin]), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: CITIZEN_PERMISSIONS_POLICY, override: true }] },
    });
    // The REST API's stage is the origin path: /open311/… here is /<stage>/open311/… there. The domain is built
    // from the API's id, not its URL: the URL names the stage, whose deployment waits for the Lambda, whose
    // CITIZEN_PAGE_URL names this distribution.
    const publicApiDomain = `${props.citizens.api.restApi.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    const publicApiOrigin = new HttpOrigin(publicApiDomain, { originPath: `/${PUBLIC_STAGE_NAME}`, protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY });
    // The public API's web ACL counts each citizen by the address CloudFront saw; this sets it on every request it passes on.
    this.viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      functionName: `${Aws.STACK_NAME}-${Aws.REGION}-viewer-address`,
      runtime: FunctionRuntime.JS_2_0,
      comment: 'snowops report page: tells the citizens\' API (and its WAF rate rules) the viewer\'s own address',
      code: FunctionCode.fromInline(viewerAddressFunctionCode()),
    });
    const toPublicApi = {
      origin: publicApiOrigin,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      responseHeadersPolicy: citizenHeaders,
      functionAssociations: [{ function: this.viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
    };
    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);

    const apiDomain = Fn.select(2, Fn.split('/', props.api.httpApi.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'snowops console and API',
      // The API: never cached (every answer depends on the token), every header but Host passed on, so
      // Authorization, If-None-Match and Idempotency-Key reach it and its ETag / 304 come back.
      defaultBehavior: {
        origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        responseHeadersPolicy: this.headers,
      },
      additionalBehaviors: {
        'console/*': {
          origin: siteOrigin,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: this.headers,
          functionAssociations: [{ function: index, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        // The citizens' page from the same bucket, and its API calls to the public API: one origin, as locally.
        'report/*': {
          origin: siteOrigin,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: citizenHeaders,
          functionAssociations: [{ function: index, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        ...Object.fromEntries(publicPathPatterns().map((pattern) => [pattern, toPublicApi])),
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    NagSuppressions.addResourceSuppressions(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Duty officers and managers sign in from wherever a storm finds them; access is by Cognito sign-in with MFA, not by country.' },
      { id: 'AwsSolutions-CFR2', reason: 'A few dozen signed-in users; the API behind it is throttled per stage and checks every token, and the console is static files. WAF can be added with a custom domain.' },
      { id: 'AwsSolutions-CFR4', reason: 'No custom domain: the distribution uses the default *.cloudfront.net certificate, whose viewer TLS policy CloudFront sets; a city with its own domain and ACM certificate sets TLSv1.2_2021.' },
    ]);
    const consoleUrl = `https://${this.distribution.distributionDomainName}/console/`;

    this.client = users.userPool.addClient('ConsoleClient', {
      // A browser cannot keep a secret: the authorization code flow with PKCE instead.
      generateSecret: false,
      authFlows: {},
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    props.api.acceptTokensFrom(this.client);

    // The deployment's Lambda (CDK's own, Python) gets a role listing its statements, and logs to its own group.
    const deployLogs = new LogGroup(this, 'DeploymentLogs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy, encryptionKey: TelemetryKey.of(this, props.stage) });
    const deployRole = this.deployRole = new Role(this, 'DeploymentRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'Copies the built console and its config.json into the site bucket' });
    deployRole.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [deployLogs.logGroupArn] }));
    new BucketDeployment(this, 'Files', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'console/',
      sources: [
        Source.asset(CONSOLE_DIST),
        Source.jsonData('config.json', {
          apiBase: '',
          region: Aws.REGION,
          auth: {
            kind: 'oidc',
            authorizationEndpoint: `${signInBase}/oauth2/authorize`,
            tokenEndpoint: `${signInBase}/oauth2/token`,
            logoutEndpoint: `${signInBase}/logout`,
            clientId: this.client.userPoolClientId,
            scope: 'openid',
          },
        }),
      ],
      // Revalidated on every load (S3's ETag, a 304): a deploy is seen at once, and the invalidation clears the edge.
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/console/*'],
      role: deployRole,
      logGroup: deployLogs,
      retainOnDelete: false,
      memoryLimit: 256,
    });
    new BucketDeployment(this, 'ReportPageFiles', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'report/',
      sources: [Source.asset(CITIZEN_WEB_DIST)],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/report/*'],
      role: deployRole,
      logGroup: deployLogs,
      retainOnDelete: false,
      memoryLimit: 256,
    });
    NagSuppressions.addResourceSuppressions(deployRole, [{
      id: 'AwsSolutions-IAM5',
      reason: 'CDK\'s BucketDeployment reads the console asset and writes every object under the site bucket, and invalidates its distribution; these are the grants it adds for that.',
      appliesTo: [
        'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*',
        { regex: '/^Resource::arn:<AWS::Partition>:s3:::cdk-.*\\/\\*$/g' },
        { regex: '/^Resource::<.*Site.*\\.Arn>\\/\\*$/g' },
        'Resource::*',
      ],
    }], true);
    // CDK makes the deployment's handler a singleton at the stack's root; it is found by its id.
    const handler = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler) {
      NagSuppressions.addResourceSuppressions(handler, [{
        id: 'AwsSolutions-L1',
        reason: 'CDK\'s BucketDeployment handler pins the Python runtime its bundled AWS CLI was built for; it runs only at deploy time, to copy the console files.',
      }], true);
    }
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}/console/`;
  }

  /** The origin the report page and its status pages are served from (CITIZEN_PAGE_URL). */
  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
