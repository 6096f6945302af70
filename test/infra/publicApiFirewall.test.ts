import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, RATE_WINDOW_SECONDS, VIEWER_ADDRESS_HEADER } from '../../lib/api/PublicApiFirewall.ts';
import { publicPathPatterns } from '../../lib/console/ConsoleHosting.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

type Resource = { Type: string; Properties: Record<string, any> };

describe('the WAF rate rules in front of the citizens\' API (prod stack)', () => {
  let s: Synthesised;
  let resources: Record<string, Resource>;
  beforeAll(() => {
    s = synthStack('prod');
    resources = s.template.toJSON().Resources as Record<string, Resource>;
  }, 240_000);
  afterAll(() => s?.dispose());

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const rules = () => resources[s.logicalId(s.stack.publicApi.firewall.webAcl)]!.Properties.Rules as { Name: string; Priority: number; Action: unknown; Statement: { RateBasedStatement: Record<string, any> } }[];
  const rule = (name: string) => rules().find((r) => r.Name === name)!.Statement.RateBasedStatement;

  it('has one regional web ACL, allowing by default, associated with the public REST API\'s stage and nothing else', () => {
    const [[aclId, acl]] = ofType('AWS::WAFv2::WebACL') as [[string, Resource]];
    expect(acl.Properties).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    const associations = ofType('AWS::WAFv2::WebACLAssociation').map(([, r]) => r.Properties);
    expect(associations).toHaveLength(1);
    expect(associations[0]!.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    const stageArn = JSON.stringify(associations[0]!.ResourceArn);
    expect(stageArn).toContain(`"${s.logicalId(s.stack.publicApi.restApi)}"`);
    expect(stageArn).toContain(`/stages/",{"Ref":"${s.logicalId(s.stack.publicApi.restApi.deploymentStage)}"`);
  });

  it('blocks by four rate rules over five minutes: SMS codes and all requests, each per citizen and per connecting address', () => {
    expect(rules().map((r) => [r.Name, r.Action])).toEqual([
      ['code-requests-per-viewer', { Block: {} }], ['code-requests-per-address', { Block: {} }],
      ['requests-per-viewer', { Block: {} }], ['requests-per-address', { Block: {} }],
    ]);
    expect(rules().map((r) => [r.Statement.RateBasedStatement.Limit, r.Statement.RateBasedStatement.EvaluationWindowSec])).toEqual([
      [RATE_LIMITS.codesPerViewer, RATE_WINDOW_SECONDS], [RATE_LIMITS.codesPerAddress, RATE_WINDOW_SECONDS],
      [RATE_LIMITS.perViewer, RATE_WINDOW_SECONDS], [RATE_LIMITS.perAddress, RATE_WINDOW_SECONDS],
    ]);
  });

  it('counts a citizen by the address CloudFront set, and a caller by the address it connects from', () => {
    for (const name of ['code-requests-per-viewer', 'requests-per-viewer']) {
      expect(rule(name)).toMatchObject({ AggregateKeyType: 'FORWARDED_IP', ForwardedIPConfig: { HeaderName: VIEWER_ADDRESS_HEADER, FallbackBehavior: 'MATCH' } });
    }
    for (const name of ['code-requests-per-address', 'requests-per-address']) {
      expect(rule(name).AggregateKeyType).toBe('IP');
      expect(rule(name).ForwardedIPConfig).toBeUndefined();
    }
  });

  it('counts only POST …/citizen/verifications (the route that texts a code) in the SMS code rules, and everything in the others', () => {
    for (const name of ['code-requests-per-viewer', 'code-requests-per-address']) {
      const matches = (rule(name).ScopeDownStatement.AndStatement.Statements as { ByteMatchStatement: { FieldToMatch: Record<string, unknown>; PositionalConstraint: string; SearchString: string } }[])
        .map((m) => [Object.keys(m.ByteMatchStatement.FieldToMatch)[0], m.ByteMatchStatement.PositionalConstraint, m.ByteMatchStatement.SearchString]);
      expect(matches).toEqual([['Method', 'EXACTLY', 'POST'], ['UriPath', 'ENDS_WITH', '/citizen/verifications']]);
    }
    expect(rule('requests-per-viewer').ScopeDownStatement).toBeUndefined();
    expect(rule('requests-per-address').ScopeDownStatement).toBeUndefined();
  });

  it('answers a request the web ACL blocked 429 with Retry-After', () => {
    s.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      RestApiId: { Ref: s.logicalId(s.stack.publicApi.restApi) }, ResponseType: 'WAF_FILTERED', StatusCode: '429',
      ResponseParameters: { 'gatewayresponse.header.Retry-After': `'${RATE_WINDOW_SECONDS}'` },
    });
  });

  it('sets the viewer\'s address on every CloudFront behaviour that goes to the public API, and on no other', () => {
    const dist = resources[s.logicalId(s.stack.console!.distribution)]!.Properties.DistributionConfig;
    const fnArn = { 'Fn::GetAtt': [s.logicalId(s.stack.console!.viewerAddress), 'FunctionARN'] };
    const setting = (b: { FunctionAssociations?: { FunctionARN: unknown }[] }) => (b.FunctionAssociations ?? []).some((f) => JSON.stringify(f.FunctionARN) === JSON.stringify(fnArn));
    const behaviours = dist.CacheBehaviors as { PathPattern: string; FunctionAssociations?: { FunctionARN: unknown }[] }[];
    expect(behaviours.filter(setting).map((b) => b.PathPattern).sort()).toEqual([...publicPathPatterns()].sort());
    expect(setting(dist.DefaultCacheBehavior)).toBe(false);
  });

  it('the deployed function replaces a viewer\'s forged address with the one CloudFront saw', () => {
    const code = resources[s.logicalId(s.stack.console!.viewerAddress)]!.Properties.FunctionCode as string;
    // The code CloudFront runs, run here on a viewer-request event of CloudFront's shape.
    const handler = new Function(`${code}; return handler;`)() as (event: unknown) => { uri: string; headers: Record<string, { value: string }> };
    const request = handler({ version: '1.0', viewer: { ip: '203.0.113.7' }, request: { method: 'POST', uri: '/citizen/verifications', headers: { [VIEWER_ADDRESS_HEADER]: { value: '198.51.100.1' }, host: { value: 'd111.cloudfront.net' } } } });
    expect(request.headers[VIEWER_ADDRESS_HEADER]).toEqual({ value: '203.0.113.7' });
    expect(request.uri).toBe('/citizen/verifications');
  });
});

describe('the WAF rate rules in the China stage (WAF is regional only there, and no console is hosted)', () => {
  let s: Synthesised;
  beforeAll(() => { s = synthStack('cn'); }, 240_000);
  afterAll(() => s?.dispose());

  it('associates the same regional web ACL with the public REST API\'s stage', () => {
    s.template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    s.template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL' });
    const association = Object.values(s.template.findResources('AWS::WAFv2::WebACLAssociation'))[0] as Resource;
    expect(JSON.stringify(association.Properties.ResourceArn)).toContain(`"${s.logicalId(s.stack.publicApi.restApi)}"`);
  });
});
