import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_KEY_PLACEHOLDER } from '../../functions/config/aliyunAccessKeyPlaceholder.ts';
import { ALIYUN_CALLBACK_PATHS } from '../../lib/inbound/AliyunCallbacks.ts';
import { actionsOf, identityStatements, refersTo, synthStack, type Synthesised } from './synthStack.ts';

type Resource = { Type: string; Properties: Record<string, any> };

/** SNS's SMS actions: none of them does anything in the China regions, where SNS has no SMS. */
const SNS_SMS_ACTIONS = ['sns:Publish', 'sns:CheckIfPhoneNumberIsOptedOut', 'sns:ListPhoneNumbersOptedOut', 'sns:SetSMSAttributes', 'sns:GetSMSAttributes'];

describe('the China stage (config/cn.json: cn-north-1, Alibaba Cloud SMS, the city\'s OIDC sign-in)', () => {
  let s: Synthesised;
  let resources: Record<string, Resource>;
  beforeAll(() => {
    s = synthStack('cn', { nag: true });
    resources = s.template.toJSON().Resources as Record<string, Resource>;
  });
  afterAll(() => s?.dispose());

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const functionOf = (handlerFile: string) => {
    const found = s.stack.node.findAll().find((c) => (c as { handlerFile?: string }).handlerFile === handlerFile);
    if (!found) throw new Error(`no Lambda runs ${handlerFile}`);
    return found;
  };
  const envOf = (handlerFile: string) => resources[s.logicalId(functionOf(handlerFile))]!.Properties.Environment.Variables as Record<string, unknown>;

  it('is synthesised for cn-north-1', () => {
    expect(s.stack.region).toBe('cn-north-1');
    expect(s.stack.partition).toBe('aws-cn');
  });

  it('has no Cognito resource', () => {
    const cognito = Object.values(resources).filter((r) => r.Type.startsWith('AWS::Cognito::'));

    expect(cognito).toEqual([]);
    expect(s.stack.api.users).toBeUndefined();
  });

  it('grants no SNS SMS action to anyone, sets no SMS spend limit and has no two-way SMS topic', () => {
    const smsGrants = identityStatements(s.template).flatMap((st) => actionsOf(st)).filter((a) => SNS_SMS_ACTIONS.includes(a));
    const customResources = Object.values(resources).filter((r) => r.Type === 'Custom::AWS');
    const smsVoice = JSON.stringify(resources).includes('sms-voice');

    expect(smsGrants).toEqual([]);
    expect(customResources).toEqual([]);
    expect(smsVoice).toBe(false);
    expect(s.stack.inbound).toBeUndefined();
  });

  it('writes every ARN for the aws-cn partition: no literal arn:aws:, and the ones CDK writes say aws-cn', () => {
    const partitions = [...JSON.stringify(s.template.toJSON()).matchAll(/arn:(aws[a-z-]*):/g)].map((m) => m[1]);

    expect(partitions.length).toBeGreaterThan(0);
    expect(new Set(partitions)).toEqual(new Set(['aws-cn']));
  });

  it('keeps the Alibaba Cloud AccessKey in a KMS-encrypted secret created with a placeholder, readable by each SMS-sending Lambda, never in its environment', () => {
    const accessKey = ofType('AWS::SecretsManager::Secret').find(([, r]) => String(r.Properties.GenerateSecretString?.SecretStringTemplate ?? '').includes(ACCESS_KEY_PLACEHOLDER));
    expect(accessKey).toBeDefined();
    const [secretId, secret] = accessKey!;
    expect(secret.Properties.KmsKeyId).toBeDefined();

    for (const handler of ['forecastPoller.ts', 'dispatcher.ts', 'escalator.ts', 'api.ts', 'publicApi.ts', 'aliyunCallbacks.ts']) {
      const env = envOf(handler);
      expect(env.ALIYUN_ACCESS_KEY_SECRET_ARN, handler).toEqual({ Ref: secretId });
      expect(Object.keys(env).filter((k) => /ACCESS_KEY_(ID|SECRET)$/.test(k)), handler).toEqual([]);
      expect(env.SMS_SIGNATURE, handler).toBe('扫雪');
      expect(JSON.parse(String(env.ALIYUN_TEMPLATE_CODES))['tasking.zh-CN'], handler).toMatch(/^SMS_\d+$/);
    }
    const readers = identityStatements(s.template).filter((st) => actionsOf(st).includes('secretsmanager:GetSecretValue') && refersTo(st, secretId));
    expect(readers).toHaveLength(6);
  });

  it('routes Alibaba Cloud\'s uplink and receipt pushes to the callbacks Lambda, authenticated by the generated token secret and not by a bearer token', () => {
    const callbacks = s.logicalId(s.stack.aliyunCallbacks!.function);
    const tokenSecret = s.logicalId(s.stack.aliyunCallbacks!.token);
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    const integrations = Object.fromEntries(ofType('AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, JSON.stringify(r.Properties.IntegrationUri)]));
    const callbackRoutes = routes.filter((r) => Object.values(ALIYUN_CALLBACK_PATHS).some((path) => r.RouteKey === `POST ${path}`));

    expect(callbackRoutes.map((r) => r.RouteKey).sort()).toEqual(['POST /sms/aliyun/receipts', 'POST /sms/aliyun/uplink']);
    for (const route of callbackRoutes) {
      expect(route.AuthorizationType).toBe('NONE');
      const integrationId = (route.Target['Fn::Join'][1] as unknown[]).map((p) => (p as { Ref?: string }).Ref).find(Boolean)!;
      expect(integrations[integrationId]).toContain(callbacks);
    }
    expect(envOf('aliyunCallbacks.ts').ALIYUN_CALLBACK_TOKEN_SECRET_ARN).toEqual({ Ref: tokenSecret });
    expect(ofType('AWS::SecretsManager::Secret').find(([id]) => id === tokenSecret)?.[1].Properties.GenerateSecretString).toMatchObject({ PasswordLength: 40, ExcludePunctuation: true });
  });

  it('puts every officer route behind the OIDC Lambda authorizer, configured from config/cn.json\'s auth', () => {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    // The officers' API only: the citizens' routes are on their own API, without sign-in (test/infra/citizen.test.ts).
    const officersApi = s.logicalId(s.stack.api.httpApi);
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties)
      .filter((r) => JSON.stringify(r.ApiId).includes(`"${officersApi}"`))
      .filter((r) => !r.RouteKey.startsWith('POST /sms/aliyun/') && r.RouteKey !== 'GET /openapi.json');
    const auth = s.stack.config.auth;

    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'REQUEST', EnableSimpleResponses: true, IdentitySource: ['$request.header.Authorization'], AuthorizerPayloadFormatVersion: '2.0' });
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) expect([route.RouteKey, route.AuthorizationType, route.AuthorizerId]).toEqual([route.RouteKey, 'CUSTOM', { Ref: authorizerId }]);
    if (auth.kind !== 'oidc') throw new Error('config/cn.json must sign in with oidc');
    expect(envOf('oidcAuthorizer.ts')).toMatchObject({
      OIDC_ISSUER: auth.issuer, OIDC_AUDIENCE: auth.audience, OIDC_JWKS_URL: auth.jwksUrl, OIDC_ROLES_CLAIM: auth.rolesClaim, OIDC_ROLE_MAPPING: JSON.stringify(auth.roleMapping),
    });
  });

  const actionsOfRole = (handlerFile: string): string[] => {
    const role = s.logicalId((functionOf(handlerFile) as unknown as { role: import('constructs').IConstruct }).role);
    const statements = ofType('AWS::IAM::Policy').filter(([, r]) => JSON.stringify(r.Properties.Roles).includes(`"${role}"`)).flatMap(([, r]) => r.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    return [...new Set(statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action])))].sort();
  };

  it('the OIDC authorizer may only write its logs and traces: it reads no table and no secret', () => {
    expect(actionsOfRole('oidcAuthorizer.ts')).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('the callbacks Lambda may use the core tables and read its two secrets, and send no SMS through SNS', () => {
    const actions = actionsOfRole('aliyunCallbacks.ts');

    expect(actions).toContain('secretsmanager:GetSecretValue');
    expect(actions).toContain('dynamodb:Query');
    expect(actions.filter((a) => a.startsWith('sns:') || a === 'dynamodb:Scan' || a.endsWith(':*'))).toEqual([]);
  });

  it('cdk-nag AwsSolutions finds nothing that is not acknowledged', () => {
    const annotations = Annotations.fromStack(s.stack);
    const findings = [
      ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ].map((f) => `${f.id}: ${String(f.entry.data).split(':')[0]}`);

    expect(findings).toEqual([]);
  });
});
