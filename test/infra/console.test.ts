import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleHosting } from '../../lib/console/ConsoleHosting.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

type Resource = { Type: string; Properties: Record<string, any> };

describe('the web console, hosted', () => {
  let s: Synthesised;
  let resources: Record<string, Resource>;
  let hosting: ConsoleHosting;
  beforeAll(() => {
    s = synthStack('dev');
    resources = s.template.toJSON().Resources as Record<string, Resource>;
    hosting = s.stack.console!;
  });
  afterAll(() => s?.dispose());

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const props = (construct: Parameters<Synthesised['logicalId']>[0]) => resources[s.logicalId(construct)]!.Properties;
  const distribution = () => props(hosting.distribution).DistributionConfig;
  const consoleBehaviour = () => (distribution().CacheBehaviors as Record<string, any>[]).find((b) => b.PathPattern === 'console/*')!;

  it('keeps the site bucket private: every public access blocked, objects owned by the bucket, TLS only', () => {
    const bucket = props(hosting.bucket);
    const policy = ofType('AWS::S3::BucketPolicy').find(([, r]) => JSON.stringify(r.Properties.Bucket).includes(s.logicalId(hosting.bucket)))![1].Properties.PolicyDocument.Statement as Record<string, any>[];

    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(policy.filter((st) => st.Effect === 'Deny').map((st) => st.Condition)).toContainEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  });

  it('lets only this distribution read the site bucket, through origin access control', () => {
    const oac = ofType('AWS::CloudFront::OriginAccessControl');
    const s3Origin = (distribution().Origins as Record<string, any>[]).find((o) => o.S3OriginConfig)!;
    const policy = ofType('AWS::S3::BucketPolicy').find(([, r]) => JSON.stringify(r.Properties.Bucket).includes(s.logicalId(hosting.bucket)))![1].Properties.PolicyDocument.Statement as Record<string, any>[];
    const allows = policy.filter((st) => st.Effect === 'Allow');

    expect(oac).toHaveLength(1);
    expect(oac[0]![1].Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oac[0]![0], 'Id'] });
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(JSON.stringify(allows[0]!.Condition.StringEquals['AWS:SourceArn'])).toContain(s.logicalId(hosting.distribution));
  });

  it('serves the console with a CSP that allows scripts from its own origin only and fetches to itself and the sign-in domain', () => {
    const policyId = s.logicalId(hosting.headers);
    const csp = JSON.stringify(props(hosting.headers).ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);

    expect(consoleBehaviour().ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' https://");
    expect(csp).toContain(s.logicalId(hosting.domain));
  });

  it('puts the API behind the same distribution, uncached, with every viewer header but Host passed on', () => {
    const api = distribution().DefaultCacheBehavior;

    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CloudFront's managed CachingDisabled
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // managed AllViewerExceptHostHeader
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']));
    expect(api.ViewerProtocolPolicy).toBe('https-only');
  });

  it('signs in with a Cognito app client that has no secret and only the authorization code flow, back to the distribution', () => {
    const client = props(hosting.client);
    const callback = JSON.stringify(client.CallbackURLs);

    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthScopes).toEqual(['openid']);
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(callback).toContain(s.logicalId(hosting.distribution));
    expect(callback).toContain('/console/');
  });

  it('the API accepts tokens issued to the console\'s client as well as the CLI\'s', () => {
    const authorizer = ofType('AWS::ApiGatewayV2::Authorizer')[0]![1].Properties;

    expect(authorizer.JwtConfiguration.Audience).toEqual([{ Ref: s.logicalId(s.stack.api.users!.client) }, { Ref: s.logicalId(hosting.client) }]);
  });

  it('CDK\'s deploy-time copier may read the CDK asset bucket, write the site bucket, invalidate distributions and write its own log group, nothing else', () => {
    const role = s.logicalId(hosting.deployRole);
    const statements = ofType('AWS::IAM::Policy').filter(([, r]) => JSON.stringify(r.Properties.Roles).includes(`"${role}"`)).flatMap(([, r]) => r.Properties.PolicyDocument.Statement as Record<string, any>[]);
    const on = (needle: string) => statements.filter((st) => JSON.stringify(st.Resource).includes(needle)).flatMap((st) => st.Action as string[]).sort();

    expect(statements.every((st) => st.Effect === 'Allow')).toBe(true);
    expect(on('cdk-hnb659fds-assets')).toEqual(['s3:GetBucket*', 's3:GetObject*', 's3:List*']);
    expect(on(s.logicalId(hosting.bucket))).toEqual(['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging']);
    expect(statements.filter((st) => st.Resource === '*').flatMap((st) => st.Action).sort()).toEqual(['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation']);
    expect(on('DeploymentLogs')).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(statements).toHaveLength(4);
  });

  it('writes config.json at deploy with the console client, the sign-in domain and the API on the same origin', () => {
    const deployment = JSON.stringify(ofType('Custom::CDKBucketDeployment')[0]![1].Properties);

    expect(deployment).toContain(s.logicalId(hosting.client));
    expect(deployment).toContain(s.logicalId(hosting.domain));
    expect(deployment).toContain('"DestinationBucketKeyPrefix":"console/"');
  });
});

describe('the web console, with hosting turned off by the config', () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthStack('dev', { config: (c) => ({ ...c, console: { hosted: false } }) });
  });
  afterAll(() => s?.dispose());

  it('has no distribution, site bucket, sign-in domain or second app client, and the API keeps its one audience', () => {
    const t = s.template;

    expect(s.stack.console).toBeUndefined();
    t.resourceCountIs('AWS::CloudFront::Distribution', 0);
    // The only buckets left are the citizens' photos (the public API still takes them) and their access logs.
    const buckets = Object.keys(t.findResources('AWS::S3::Bucket')).sort();
    expect(buckets).toEqual([s.logicalId(s.stack.photos.bucket), s.logicalId(s.stack.photos.node.findChild('AccessLogs'))].sort());
    t.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
    t.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
  });
});
