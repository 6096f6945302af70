import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/handlers/api/auth/Principal.ts';
import { allRoutes } from '../../functions/handlers/api/routeTable.ts';
import type { Stage } from '../../lib/config/Stage.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

describe.each(['dev', 'prod'] as Stage[])('the HTTP API of the %s stack', (stage) => {
  let s: Synthesised;
  let resources: Record<string, Resource>;
  beforeAll(() => {
    s = synthStack(stage);
    resources = s.template.toJSON().Resources as Record<string, Resource>;
  });
  afterAll(() => s?.dispose());

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  // The officers' API only: the stack also holds the citizens' public API, with routes of its own.
  const ofApi = (type: string) => ofType(type).filter(([, r]) => JSON.stringify(r.Properties.ApiId) === JSON.stringify({ Ref: s.logicalId(s.stack.api.httpApi) }));
  const routes = () => Object.fromEntries(ofApi('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey as string, r.Properties]));
  const poolId = () => s.logicalId(s.stack.api.users!.userPool);
  const clientId = () => s.logicalId(s.stack.api.users!.client);
  const authorizerId = () => ofType('AWS::ApiGatewayV2::Authorizer')[0]![0];

  it('gives every route of the API\'s route table an API Gateway route, and a $default route for the rest', () => {
    const expected = [...allRoutes().map((r) => `${r.method} ${r.path}`), '$default'].sort();

    expect(Object.keys(routes()).sort()).toEqual(expected);
  });

  it('puts the Cognito JWT authorizer on every route except GET /openapi.json', () => {
    const open = Object.entries(routes()).filter(([, r]) => !(r.AuthorizationType === 'JWT' && JSON.stringify(r.AuthorizerId) === JSON.stringify({ Ref: authorizerId() }))).map(([key]) => key);

    expect(open).toEqual(['GET /openapi.json']);
    expect(routes()['GET /openapi.json']?.AuthorizationType).toBe('NONE');
  });

  it('the authorizer accepts only tokens the stack\'s user pool issued to its app client and the console\'s', () => {
    const authorizer = resources[authorizerId()]!.Properties;

    expect(ofType('AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
    expect(authorizer).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: { 'Fn::GetAtt': [poolId(), 'ProviderURL'] }, Audience: [{ Ref: clientId() }, { Ref: s.logicalId(s.stack.console!.client) }] },
    });
  });

  it('every route goes to the one API Lambda, on payload format 2.0, and API Gateway may invoke it for this API only', () => {
    const integrations = ofApi('AWS::ApiGatewayV2::Integration').map(([id, r]) => ({ id, ...r.Properties }));
    const targets = new Set(Object.values(routes()).map((r) => JSON.stringify(r.Target)));
    const permissions = ofType('AWS::Lambda::Permission').map(([, r]) => r.Properties).filter((p) => p.Principal === 'apigateway.amazonaws.com' && JSON.stringify(p.FunctionName).includes(`"${s.logicalId(s.stack.api.function)}"`));

    expect(integrations).toEqual([expect.objectContaining({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0', IntegrationUri: { 'Fn::GetAtt': [s.logicalId(s.stack.api.function), 'Arn'] } })]);
    expect([...targets]).toEqual([JSON.stringify({ 'Fn::Join': ['', ['integrations/', { Ref: integrations[0]!.id }]] })]);
    expect(permissions).toHaveLength(1);
    expect(JSON.stringify(permissions[0]!.SourceArn)).toContain(`"${s.logicalId(s.stack.api.httpApi)}"`);
  });

  it('serves the $default stage (so the router sees the paths it declares), throttled, with JSON access logs', () => {
    const [stageResource] = ofType('AWS::ApiGatewayV2::Stage').map(([, r]) => r.Properties);
    const format = JSON.parse(stageResource!.AccessLogSettings.Format as string) as Record<string, string>;

    expect(stageResource).toMatchObject({ StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 } });
    expect(stageResource!.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [s.logicalId(s.stack.api.accessLogs), 'Arn'] });
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status', sub: '$context.authorizer.claims.sub' });
  });

  it('writes its access logs to a KMS-encrypted log group with a retention', () => {
    const group = resources[s.logicalId(s.stack.api.accessLogs)]!.Properties;

    expect(group.RetentionInDays).toBeGreaterThan(0);
    expect(resources[group.KmsKeyId?.['Fn::GetAtt']?.[0] as string]?.Type).toBe('AWS::KMS::Key');
  });

  it('raises an alarm on the first 5xx answer', () => {
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: s.logicalId(s.stack.api.httpApi) } }],
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('the API Lambda gives up before API Gateway\'s 30-second limit', () => {
    expect(resources[s.logicalId(s.stack.api.function)]!.Properties.Timeout).toBeLessThan(30);
  });

  it('the user pool lets only administrators create accounts, requires an authenticator app and enforces threat protection', () => {
    const pool = resources[poolId()]!.Properties;

    expect(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect({ mfa: pool.MfaConfiguration, factors: pool.EnabledMfas }).toEqual({ mfa: 'ON', factors: ['SOFTWARE_TOKEN_MFA'] });
    expect({ tier: pool.UserPoolTier, security: pool.UserPoolAddOns }).toEqual({ tier: 'PLUS', security: { AdvancedSecurityMode: 'ENFORCED' } });
  });

  it('the user pool requires long passwords with every kind of character', () => {
    const policy = resources[poolId()]!.Properties.Policies.PasswordPolicy;

    expect(policy).toMatchObject({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
    expect(policy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('has one group per role the API checks', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, r]) => r.Properties);

    expect(groups.map((g) => g.GroupName).sort()).toEqual([...ROLES].sort());
    for (const g of groups) expect(g.UserPoolId).toEqual({ Ref: poolId() });
  });

  it('the app client has no secret and no OAuth redirects, and its tokens last an hour', () => {
    const client = resources[clientId()]!.Properties;

    expect(client).toMatchObject({ GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: false, PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true, IdTokenValidity: 60, AccessTokenValidity: 60 });
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
  });

  it('the user pool is retained and deletion-protected in prod, and goes with the stack in dev', () => {
    const pool = resources[poolId()]!;

    expect([pool.DeletionPolicy, pool.Properties.DeletionProtection]).toEqual(stage === 'prod' ? ['Retain', 'ACTIVE'] : ['Delete', 'INACTIVE']);
  });

  it('outputs the API URL, the user pool id and the app client id', () => {
    const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;

    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain(`"${s.logicalId(s.stack.api.httpApi)}"`);
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: poolId() });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: clientId() });
  });
});
