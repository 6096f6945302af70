import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicRoutes } from '../../functions/handlers/api/routeTable.ts';
import { PUBLIC_BURST, PUBLIC_RATE_PER_SECOND, PUBLIC_STAGE_NAME } from '../../lib/api/PublicApi.ts';
import { PHOTO_DAYS, RAW_UPLOAD_DAYS } from '../../lib/citizen/PhotoBucket.ts';
import { loadDeployConfig } from '../../lib/config/loadDeployConfig.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

type Resource = { Type: string; Properties: Record<string, any> };

describe('the citizens\' side of the prod stack', () => {
  let s: Synthesised;
  let resources: Record<string, Resource>;
  beforeAll(() => {
    s = synthStack('prod');
    resources = s.template.toJSON().Resources as Record<string, Resource>;
  }, 240_000);
  afterAll(() => s?.dispose());

  const photoBucket = () => resources[s.logicalId(s.stack.photos.bucket)]!.Properties;

  it('keeps photos in a bucket that blocks all public access and is encrypted with its own rotating KMS key', () => {
    const p = photoBucket();
    expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    const sse = p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
    expect(sse.SSEAlgorithm).toBe('aws:kms');
    expect(sse.KMSMasterKeyID).toEqual({ 'Fn::GetAtt': [s.logicalId(s.stack.photos.key), 'Arn'] });
    expect(resources[s.logicalId(s.stack.photos.key)]!.Properties.EnableKeyRotation).toBe(true);
  });

  it('refuses every request to the photo bucket that is not over TLS', () => {
    s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: s.logicalId(s.stack.photos.bucket) },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('drops raw uploads after a day and photos after two winters, by lifecycle rule', () => {
    const rules = photoBucket().LifecycleConfiguration.Rules as { Prefix: string; ExpirationInDays: number; Status: string }[];
    expect(rules.map((r) => [r.Prefix, r.ExpirationInDays, r.Status])).toEqual([['incoming/', RAW_UPLOAD_DAYS, 'Enabled'], ['photos/', PHOTO_DAYS, 'Enabled']]);
  });

  it('lets only the report page\'s origin from the stage config PUT photos from a browser', () => {
    const [rule, ...others] = photoBucket().CorsConfiguration.CorsRules as { AllowedOrigins: string[]; AllowedMethods: string[] }[];
    expect(others).toEqual([]);
    expect(rule!.AllowedOrigins).toEqual([loadDeployConfig('prod').citizens.pageOrigin]);
    expect(rule!.AllowedMethods).toEqual(['PUT']);
  });

  it('gives the public API the bucket\'s name, and no other Lambda any right on it', () => {
    const fn = resources[s.logicalId(s.stack.publicApi.function)]!.Properties;
    expect(fn.Environment.Variables.PHOTO_BUCKET).toEqual({ Ref: s.logicalId(s.stack.photos.bucket) });
    const bucketId = s.logicalId(s.stack.photos.bucket);
    const holders = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.PolicyDocument).includes(`"${bucketId}"`)).map((r) => JSON.stringify(r.Properties.Roles));
    expect(holders).toEqual([JSON.stringify([{ Ref: s.logicalId(s.stack.publicApi.function.role!) }])]);
  });

  it('serves exactly the public routes on their own REST API, without an authorizer, throttled', () => {
    const api = s.logicalId(s.stack.publicApi.restApi);
    const methods = s.stack.publicApi.methods.map((m) => `${m.httpMethod} ${m.resource.path}`);
    expect(methods.sort()).toEqual(publicRoutes().map((r) => `${r.method} ${r.path}`).sort());
    const cfnMethods = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGateway::Method' && JSON.stringify(r.Properties.RestApiId).includes(`"${api}"`));
    expect(cfnMethods).toHaveLength(publicRoutes().length);
    expect(cfnMethods.every((r) => r.Properties.AuthorizationType === 'NONE' && r.Properties.Integration.Type === 'AWS_PROXY')).toBe(true);
    s.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      RestApiId: { Ref: api }, StageName: PUBLIC_STAGE_NAME,
      MethodSettings: Match.arrayWith([Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: PUBLIC_RATE_PER_SECOND, ThrottlingBurstLimit: PUBLIC_BURST })]),
    });
  });

  it('answers an unknown path on the public API 404, not API Gateway\'s 403 asking for a token', () => {
    s.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', { RestApiId: { Ref: s.logicalId(s.stack.publicApi.restApi) }, ResponseType: 'MISSING_AUTHENTICATION_TOKEN', StatusCode: '404' });
  });

  it('keeps the public routes off the officers\' API', () => {
    const officers = s.logicalId(s.stack.api.httpApi);
    const keys = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route' && JSON.stringify(r.Properties.ApiId).includes(`"${officers}"`)).map((r) => r.Properties.RouteKey as string);
    expect(keys.filter((k) => k.includes('/open311/') || k.includes('/citizen/photos') || k.includes('/citizen/verifications'))).toEqual([]);
  });

  it('hosts the report page under /report/ on the console\'s distribution, sends Open311 to the public API, and links reporters\' SMS there', () => {
    const dist = resources[s.logicalId(s.stack.console!.distribution)]!.Properties.DistributionConfig;
    const behaviour = (pattern: string) => (dist.CacheBehaviors as { PathPattern: string; TargetOriginId: string }[]).find((b) => b.PathPattern === pattern);
    const publicOrigin = (dist.Origins as { Id: string; DomainName: unknown; OriginPath?: string }[]).find((o) => JSON.stringify(o.DomainName).includes(s.logicalId(s.stack.publicApi.restApi)))!;
    expect(publicOrigin.OriginPath).toBe(`/${PUBLIC_STAGE_NAME}`);
    expect([behaviour('report/*')?.TargetOriginId, behaviour('console/*')?.TargetOriginId].every((id) => id !== undefined && id !== publicOrigin.Id)).toBe(true);
    expect([behaviour('open311/*')?.TargetOriginId, behaviour('citizen/photos/*')?.TargetOriginId]).toEqual([publicOrigin.Id, publicOrigin.Id]);
    const pageUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [s.logicalId(s.stack.console!.distribution), 'DomainName'] }]] };
    for (const fn of [s.stack.publicApi.function, s.stack.api.function]) {
      expect(resources[s.logicalId(fn)]!.Properties.Environment.Variables.CITIZEN_PAGE_URL).toEqual(pageUrl);
    }
  });
});
