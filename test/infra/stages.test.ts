import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../lib/config/loadDeployConfig.ts';
import { STAGES, type Stage } from '../../lib/config/Stage.ts';
import { SnowopsStack } from '../../lib/SnowopsStack.ts';

type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

const CDK_CONTEXT = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;

/** Properties that give a resource a physical name; set to a literal, they would collide between two stacks in one account (a Ref to another resource is not a name). */
const NAME_PROPERTIES = ['TableName', 'TopicName', 'QueueName', 'LogGroupName', 'FunctionName', 'RoleName', 'PolicyName', 'AlarmName', 'DashboardName', 'Name', 'KeyAlias', 'AliasName', 'ScheduleGroupName', 'ManagedPolicyName'];

/** Resources whose name CloudFormation scopes to their parent, not the account (an authorizer's name is unique within its API). */
const SCOPED_NAMES = new Set(['AWS::IAM::Policy', 'AWS::ApiGatewayV2::Authorizer']);

describe('two stages in one account', () => {
  let outdir: string;
  const templates = new Map<Stage, Record<string, Resource>>();
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'snowops-stages-'));
    const app = new App({ outdir, context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
    const stacks = STAGES.map((stage) => [stage, new SnowopsStack(app, `snowops-${stage}`, { config: loadDeployConfig(stage) })] as const);
    for (const [stage, stack] of stacks) templates.set(stage, Template.fromStack(stack).toJSON().Resources as Record<string, Resource>);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('synthesise into one app with no resource given an explicit physical name', () => {
    const named = [...templates].flatMap(([stage, resources]) => Object.entries(resources)
      .filter(([, r]) => !SCOPED_NAMES.has(r.Type))
      .flatMap(([id, r]) => NAME_PROPERTIES.filter((p) => typeof r.Properties?.[p] === 'string').map((p) => `${stage}/${id}.${p}`)));

    expect(templates.size).toBe(STAGES.length);
    expect(named).toEqual([]);
  });

  it('in prod, every table, key and log group survives stack deletion, and tables are deletion-protected', () => {
    const stateful = Object.values(templates.get('prod')!).filter((r) => ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Logs::LogGroup'].includes(r.Type));

    expect(stateful.length).toBeGreaterThan(8);
    for (const r of stateful) expect([r.Type, r.DeletionPolicy, r.UpdateReplacePolicy]).toEqual([r.Type, 'Retain', 'Retain']);
    for (const r of stateful.filter((t) => t.Type === 'AWS::DynamoDB::Table')) expect(r.Properties?.DeletionProtectionEnabled).toBe(true);
  });

  it('in dev, tables, keys and log groups go with the stack and tables are not deletion-protected', () => {
    const stateful = Object.values(templates.get('dev')!).filter((r) => ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Logs::LogGroup'].includes(r.Type));

    expect(stateful.length).toBeGreaterThan(8);
    for (const r of stateful) expect([r.Type, r.DeletionPolicy]).toEqual([r.Type, 'Delete']);
    for (const r of stateful.filter((t) => t.Type === 'AWS::DynamoDB::Table')) expect(r.Properties?.DeletionProtectionEnabled).toBe(false);
  });
});
