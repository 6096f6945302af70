import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../lib/config/Stage.ts';
import { AlarmedDeadLetterQueue } from '../../lib/messaging/AlarmedDeadLetterQueue.ts';
import { WorkQueue } from '../../lib/messaging/WorkQueue.ts';
import { OperatorAlarms } from '../../lib/observability/OperatorAlarms.ts';
import { ScheduledInvocation } from '../../lib/scheduling/ScheduledInvocation.ts';
import { applySecurityChecks } from '../../lib/security/applySecurityChecks.ts';
import { SnowopsFunction } from '../../lib/SnowopsFunction.ts';
import { actionsOf, synthStack, type Statement, type Synthesised } from './synthStack.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any>; DeletionPolicy?: string }>;

/**
 * The only wildcards any identity policy may hold, each with the reason it cannot be narrower.
 * `resource` is the wildcard part of the resource ('*' alone, or the literal tail of an ARN).
 */
const WILDCARD_ALLOW_LIST: { action: string; resource: string; reason: string }[] = [
  { action: 'sns:Publish', resource: '*', reason: 'SMS to a phone number: Publish(PhoneNumber=...) names no topic, so there is no ARN to scope it to' },
  { action: 'sns:CheckIfPhoneNumberIsOptedOut', resource: '*', reason: 'an account-level SMS opt-out lookup with no resource type' },
  { action: 'sns:ListPhoneNumbersOptedOut', resource: '*', reason: 'an account-level SMS opt-out list with no resource type' },
  { action: 'xray:PutTraceSegments', resource: '*', reason: 'X-Ray defines no resource types for sending segments' },
  { action: 'xray:PutTelemetryRecords', resource: '*', reason: 'X-Ray defines no resource types for telemetry records' },
  { action: 'sns:SetSMSAttributes', resource: '*', reason: 'the SMS monthly spend limit is an account setting with no resource type' },
  { action: 's3:PutObject', resource: '/incoming/*', reason: 'a reporter\'s raw upload gets a new key each time: the public API presigns PUTs under the photo bucket\'s incoming/ prefix' },
  { action: 's3:GetObject', resource: '/incoming/*', reason: 'the public API reads each raw upload under incoming/ to strip it' },
  { action: 's3:DeleteObject', resource: '/incoming/*', reason: 'the public API removes each raw upload under incoming/ once read' },
  { action: 's3:PutObject', resource: '/photos/*', reason: 'each stripped photo gets a new key under the photo bucket\'s photos/ prefix' },
  { action: 's3:GetObject', resource: '/photos/*', reason: 'a report checks the photos it names under photos/' },
  { action: 'lambda:InvokeFunction', resource: ':*', reason: "CDK's grantInvoke adds the function's own versions and aliases (<function ARN>:*)" },
];

/** Action wildcards allowed only on a KMS key of this stack: CDK's grant on a KMS-encrypted SQS queue names them. */
const KMS_ACTION_WILDCARDS = ['kms:GenerateDataKey*', 'kms:ReEncrypt*'];

/** The wildcard parts of a statement's resources: '*', or the literal pieces of an ARN that contain one. */
function wildcardsIn(resource: unknown): string[] {
  const parts = Array.isArray(resource) ? resource : [resource];
  return parts.flatMap((part) => {
    if (typeof part === 'string') return part.includes('*') ? [part] : [];
    const literals = JSON.stringify(part).match(/"[^"]*\*[^"]*"/g) ?? [];
    return literals.map((literal) => JSON.parse(literal) as string);
  });
}

/**
 * Every statement of every identity policy, but those on `exceptRole`: the console's deploy-time copier,
 * whose grants CDK's BucketDeployment writes and test/infra/console.test.ts pins one by one.
 */
function allStatements(resources: Resources, exceptRole?: string): { policy: string; statement: Statement }[] {
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Policy')
    .filter(([, r]) => exceptRole === undefined || !JSON.stringify(r.Properties.Roles).includes(`"${exceptRole}"`))
    .flatMap(([policy, r]) => (r.Properties.PolicyDocument.Statement as Statement[]).map((statement) => ({ policy, statement })));
}

describe.each(['dev', 'prod'] as Stage[])('security of the %s stack', (stage) => {
  let s: Synthesised;
  let resources: Resources;
  beforeAll(() => {
    s = synthStack(stage, { nag: true });
    resources = s.template.toJSON().Resources as Resources;
  });
  afterAll(() => s?.dispose());

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const keyIds = () => new Set(ofType('AWS::KMS::Key').map(([id]) => id));
  const keyOf = (ref: unknown): string | undefined => (ref as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];

  it('cdk-nag AwsSolutions finds nothing that is not acknowledged', () => {
    const annotations = Annotations.fromStack(s.stack);
    const findings = [
      ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ].map((f) => `${f.id}: ${String(f.entry.data).split(':')[0]}`);

    expect(findings).toEqual([]);
  });

  it('every cdk-nag acknowledgement carries a specific reason, and IAM5 ones name the finding they cover', () => {
    const suppressions = Object.values(resources).flatMap((r) => (r.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: string; applies_to?: unknown[] }[]);

    expect(suppressions.length).toBeGreaterThan(0);
    for (const suppression of suppressions) {
      expect(suppression.reason.length, suppression.id).toBeGreaterThan(60);
      if (suppression.id === 'AwsSolutions-IAM5') expect(suppression.applies_to, suppression.reason).toBeDefined();
    }
  });

  const consoleDeployRole = () => s.logicalId(s.stack.console!.deployRole);

  it('no identity policy holds a wildcard resource that is not on the allow-list', () => {
    const offending = allStatements(resources, consoleDeployRole())
      .filter(({ statement }) => statement.Effect === 'Allow')
      .flatMap(({ policy, statement }) => wildcardsIn(statement.Resource).flatMap((wildcard) => actionsOf(statement)
        .filter((action) => !WILDCARD_ALLOW_LIST.some((allowed) => allowed.action === action && (wildcard === allowed.resource || wildcard.endsWith(allowed.resource) && allowed.resource !== '*')))
        .map((action) => `${policy}: ${action} on ${wildcard}`)));

    expect(offending).toEqual([]);
  });

  it('no identity policy holds a wildcard action, except the KMS ones CDK names, and those only on a key of this stack', () => {
    const keys = keyIds();
    const offending = allStatements(resources, consoleDeployRole()).flatMap(({ policy, statement }) => actionsOf(statement)
      .filter((action) => action.includes('*'))
      .filter((action) => !(KMS_ACTION_WILDCARDS.includes(action) && keys.has(keyOf(statement.Resource) ?? '')))
      .map((action) => `${policy}: ${action}`));

    expect(offending).toEqual([]);
  });

  it('no role has an AWS-managed policy: each lists its own statements', () => {
    const managed = ofType('AWS::IAM::Role').filter(([, r]) => r.Properties.ManagedPolicyArns !== undefined).map(([id]) => id);

    expect(managed).toEqual([]);
  });

  it('a Lambda may write logs only to its own log group', () => {
    const logStatements = allStatements(resources).filter(({ statement }) => actionsOf(statement).some((a) => a.startsWith('logs:')));
    const groups = new Set(ofType('AWS::Logs::LogGroup').map(([id]) => id));

    expect(logStatements.length).toBeGreaterThan(1);
    for (const { statement } of logStatements) {
      expect(actionsOf(statement).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      expect(groups.has(keyOf(statement.Resource) ?? '')).toBe(true);
    }
  });

  /** Every action the policy on a Lambda's role allows, sorted. */
  const actionsOfRole = (fn: SnowopsFunction): string[] => {
    const role = s.logicalId(fn.role!);
    const policy = Object.values(resources).find((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"${role}"`));
    return [...new Set((policy?.Properties.PolicyDocument.Statement as Statement[]).flatMap(actionsOf))].sort();
  };
  // What grantCoreTables gives (registry read, operations and idempotency read-write, log append) and what
  // every SnowopsFunction has: the table actions, the tables' key, its own log group, X-Ray.
  const CORE = [
    'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem',
    'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo',
    'logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments',
  ];
  // Sending to a KMS-encrypted queue (CDK's grant names the key's wildcards; the resource is the queue's key).
  const SEND_TO_QUEUE = ['kms:GenerateDataKey*', 'kms:ReEncrypt*', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
  const SEND_SMS = ['sns:Publish'];
  const CHECK_OPT_OUTS = ['sns:CheckIfPhoneNumberIsOptedOut', 'sns:ListPhoneNumbersOptedOut'];
  const sorted = (...sets: string[][]) => [...new Set(sets.flat())].sort();

  it('the forecast poller may do exactly what it does: read the registry, keep storm state, append to the log, text the duty officer, queue waves, trace, log', () => {
    expect(actionsOfRole(s.stack.poller.function)).toEqual(sorted(CORE, SEND_SMS, SEND_TO_QUEUE));
  });

  it('sms-inbound may do exactly what it does: the core table access, send and check opt-outs, its failure queue', () => {
    expect(actionsOfRole(s.stack.inbound!.function)).toEqual(sorted(CORE, SEND_SMS, CHECK_OPT_OUTS, SEND_TO_QUEUE));
  });

  it('the dispatcher may do exactly what it does: the core table access, send and check opt-outs, take waves off its queue', () => {
    expect(actionsOfRole(s.stack.dispatcher.function)).toEqual(sorted(CORE, SEND_SMS, CHECK_OPT_OUTS, ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage']));
  });

  it('the escalator may do exactly what it does: the core table access, send and check opt-outs, its dead-letter queue', () => {
    expect(actionsOfRole(s.stack.escalator.function)).toEqual(sorted(CORE, SEND_SMS, CHECK_OPT_OUTS, SEND_TO_QUEUE));
  });

  it('the API may do exactly what it does: the core table access (the registry writable), queue waves, and send the reassignment SMS', () => {
    expect(actionsOfRole(s.stack.api.function)).toEqual(sorted(CORE, SEND_TO_QUEUE, SEND_SMS));
  });

  it('the public API may do exactly what it does: read the registry and operations, keep citizen cases, append to the log, text reporters once, handle photos', () => {
    expect(actionsOfRole(s.stack.publicApi.function)).toEqual(sorted(CORE, SEND_SMS, ['s3:DeleteObject', 's3:GetObject', 's3:PutObject']));
  });

  it('every KMS key rotates, and every table, topic, queue and log group is encrypted with one of them', () => {
    const keys = keyIds();
    const encryptedBy = [
      ...ofType('AWS::DynamoDB::Table').map(([id, r]) => [id, keyOf(r.Properties.SSESpecification?.KMSMasterKeyId)] as const),
      ...ofType('AWS::SNS::Topic').map(([id, r]) => [id, keyOf(r.Properties.KmsMasterKeyId)] as const),
      ...ofType('AWS::SQS::Queue').map(([id, r]) => [id, keyOf(r.Properties.KmsMasterKeyId)] as const),
      ...ofType('AWS::Logs::LogGroup').map(([id, r]) => [id, keyOf(r.Properties.KmsKeyId)] as const),
    ];

    // Tables, messaging, telemetry, and the citizens' photo bucket.
    expect(keys.size).toBe(4);
    for (const [, r] of ofType('AWS::KMS::Key')) expect(r.Properties.EnableKeyRotation).toBe(true);
    expect(encryptedBy.filter(([, key]) => !keys.has(key ?? ''))).toEqual([]);
  });

  it('the log groups\' key lets CloudWatch Logs use it for this account\'s log groups only', () => {
    const logKey = keyOf(ofType('AWS::Logs::LogGroup')[0]?.[1].Properties.KmsKeyId)!;
    const statements = resources[logKey]!.Properties.KeyPolicy.Statement as (Statement & { Principal: { Service?: unknown } })[];
    const forLogs = statements.find((st) => JSON.stringify(st.Principal.Service ?? '').includes('logs.'));

    expect(JSON.stringify(forLogs?.Condition)).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(JSON.stringify(forLogs?.Condition)).toContain(':log-group:*');
  });

  it('every topic and every queue refuses requests without TLS', () => {
    const denies = (policyType: string, targetKey: string) => ofType(policyType)
      .filter(([, p]) => (p.Properties.PolicyDocument.Statement as Statement[]).some((st) => st.Effect === 'Deny' && JSON.stringify(st.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } })))
      .flatMap(([, p]) => (p.Properties[targetKey] as { Ref: string }[]).map((t) => t.Ref));
    const topics = ofType('AWS::SNS::Topic').map(([id]) => id);
    const queues = ofType('AWS::SQS::Queue').map(([id]) => id);

    expect(topics.length).toBeGreaterThan(1);
    expect(topics.filter((id) => !denies('AWS::SNS::TopicPolicy', 'Topics').includes(id))).toEqual([]);
    expect(queues.filter((id) => !denies('AWS::SQS::QueuePolicy', 'Queues').includes(id))).toEqual([]);
  });

  it('every table has point-in-time recovery', () => {
    const withoutPitr = ofType('AWS::DynamoDB::Table').filter(([, t]) => t.Properties.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled !== true);

    expect(withoutPitr).toEqual([]);
  });
});

describe('building blocks for the next Lambdas', () => {
  it('a scheduled SnowopsFunction with a dead-letter queue, and a work queue it sends to, pass cdk-nag with the acknowledgements their constructs carry', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'blocks');
    const fn = new SnowopsFunction(stack, 'Sweeper', { handlerFile: 'escalator.ts', description: 'a scheduled sweep', stage: 'dev' });
    const deadLetters = new AlarmedDeadLetterQueue(stack, 'SweeperDeadLetters', { key: new Key(stack, 'Key', { enableKeyRotation: true }), meaning: 'a sweep failed' });
    new ScheduledInvocation(stack, 'Tick', { function: fn, rate: Duration.minutes(2), description: 'sweep tick', deadLetters });
    const work = new WorkQueue(stack, 'Work', {
      key: new Key(stack, 'WorkKey', { enableKeyRotation: true }), visibilityTimeout: Duration.minutes(6), deadLetterMeaning: 'a wave was not sent',
      alarms: new OperatorAlarms(stack, 'Alarms'), maxAgeMinutes: 5, backlogMeaning: 'waves wait',
    });
    work.queue.grantSendMessages(fn);
    applySecurityChecks(app);

    const template = Template.fromStack(stack);
    const findings = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')).map((f) => `${f.id}: ${String(f.entry.data).split(':')[0]}`);

    expect(findings).toEqual([]);
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('WorkDeadLetters'), 'Arn'] }, maxReceiveCount: 3 } });
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 300 }, 1);
    template.hasResourceProperties('AWS::Scheduler::Schedule', { Target: Match.objectLike({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SweeperDeadLetters'), 'Arn'] } }, RetryPolicy: { MaximumEventAgeInSeconds: 120, MaximumRetryAttempts: 2 } }) });
  });
});
