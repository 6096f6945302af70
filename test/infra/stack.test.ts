import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationPlannerEnvSchema, apiEnvSchema, forecastPollerEnvSchema, messagingEnvSchema, publicApiEnvSchema, repliesEnvSchema } from '../../functions/config/lambdaEnv.ts';
import { ALL_TABLES, LOG_TABLE, OPERATIONS_TABLE, REGISTRY_TABLE } from '../../functions/config/tables.ts';
import { PLANNING_RUN_MS, POLL_RUN_MS } from '../../functions/core/activation/resumePlanning.ts';
import { AlarmedDeadLetterQueue } from '../../lib/messaging/AlarmedDeadLetterQueue.ts';
import type { SnowopsFunction } from '../../lib/SnowopsFunction.ts';
import { actionsOf, identityStatements, refersTo, synthStack, type Statement, type Synthesised } from './synthStack.ts';

type Props = Record<string, unknown>;
type Which = 'poller' | 'inbound' | 'dispatcher' | 'escalator' | 'api' | 'publicApi' | 'planner';
const ALL: Which[] = ['poller', 'inbound', 'dispatcher', 'escalator', 'api', 'publicApi', 'planner'];

describe('snowops stack, dev', () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthStack('dev');
  });
  afterAll(() => s?.dispose());

  /** CDK's own deploy-time handler that copies the console's files into its bucket (lib/console/ConsoleHosting.ts). */
  const isDeployTime = (id: string) => id.startsWith('CustomCDKBucketDeployment');
  /** The Lambdas that run the storm: all but the deploy-time copier. */
  const functions = () => Object.entries(s.template.findResources('AWS::Lambda::Function')).filter(([id]) => !isDeployTime(id)).map(([, f]) => f.Properties as Props);
  const construct = (which: Which): SnowopsFunction => ({
    poller: s.stack.poller.function, inbound: s.stack.inbound!.function, dispatcher: s.stack.dispatcher.function, escalator: s.stack.escalator.function, api: s.stack.api.function, publicApi: s.stack.publicApi.function, planner: s.stack.planner.function,
  })[which];
  const fn = (which: Which) => s.logicalId(construct(which));
  const props = (which: Which) => s.template.toJSON().Resources[fn(which)].Properties as Record<string, any>;
  /** Every statement of the policy on a Lambda's role. */
  const roleStatements = (which: Which): Statement[] => {
    const role = s.logicalId(construct(which).role!);
    return Object.values(s.template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${role}"`))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  };
  /** The statements of the role of the schedule whose target is this Lambda. */
  const scheduleOf = (which: Which) => Object.values(s.template.findResources('AWS::Scheduler::Schedule')).find((r) => JSON.stringify(r.Properties.Target.Arn) === JSON.stringify({ 'Fn::GetAtt': [fn(which), 'Arn'] }))?.Properties;
  const dispatchQueueId = () => s.logicalId(s.stack.dispatcher.requests.queue);
  const planningQueueId = () => s.logicalId(s.stack.planner.requests.queue);

  it('synthesises exactly seven Lambdas: forecast-poller, sms-inbound, dispatcher, escalator, the API, the citizens\' public API and the activation planner, besides the console files\' deploy-time copier', () => {
    const ids = Object.keys(s.template.findResources('AWS::Lambda::Function')).sort();

    expect(ids.filter((id) => !isDeployTime(id))).toEqual(ALL.map(fn).sort());
    expect(ids.filter(isDeployTime)).toHaveLength(1);
  });

  it('every Lambda runs Node.js 22 on arm64', () => {
    const runtimes = functions().map((f) => ({ runtime: f.Runtime, architectures: f.Architectures }));

    expect(runtimes).toEqual(ALL.map(() => ({ runtime: 'nodejs22.x', architectures: ['arm64'] })));
  });

  it('every Lambda is an ESM bundle with source maps enabled at run time', () => {
    const setups = functions().map((f) => ({ handler: f.Handler, nodeOptions: (f.Environment as { Variables: Props }).Variables.NODE_OPTIONS }));

    expect(setups).toEqual(ALL.map(() => ({ handler: 'index.handler', nodeOptions: '--enable-source-maps' })));
  });

  it('every Lambda is traced with X-Ray', () => {
    const modes = functions().map((f) => (f.TracingConfig as { Mode: string } | undefined)?.Mode);

    expect(modes).toEqual(ALL.map(() => 'Active'));
  });

  it('every Lambda logs to its own log group with a retention', () => {
    const groups = s.template.findResources('AWS::Logs::LogGroup');
    const used = functions().map((f) => (f.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref);

    expect(new Set(used).size).toBe(ALL.length);
    for (const id of used) expect(groups[id]?.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('each Lambda gets every variable its env schema requires, each table name pointing at the right table', () => {
    const schemas = { poller: forecastPollerEnvSchema, inbound: repliesEnvSchema, dispatcher: messagingEnvSchema, escalator: messagingEnvSchema, api: apiEnvSchema, publicApi: publicApiEnvSchema, planner: activationPlannerEnvSchema } as const;
    for (const which of ALL) {
      const variables = props(which).Environment.Variables as Record<string, unknown>;
      // Refs become the referenced logical id, so the handler's own zod schema can judge the environment.
      const asNames = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : (v as { Ref: string }).Ref]));

      expect(schemas[which].safeParse(asNames).error?.issues ?? [], which).toEqual([]);
      for (const definition of [REGISTRY_TABLE, OPERATIONS_TABLE, LOG_TABLE]) {
        expect(asNames[definition.envVar], which).toBe(s.logicalId(s.stack.tables.get(definition)));
      }
    }
  });

  it('every Lambda that texts paces its SMS at the stage config\'s pace (sms.pace), not a default, and names its origination identity', () => {
    const { partsPerSecondEach, identities, origination } = s.stack.config.sms.pace;
    // The activation planner texts no one, but says how long the wave it booked takes to send at the same pace.
    const paces = ALL.map((which) => [props(which).Environment.Variables.SMS_PARTS_PER_SECOND, props(which).Environment.Variables.SMS_ORIGINATION]);

    expect(paces).toEqual(ALL.map(() => [String(partsPerSecondEach * identities), origination]));
  });

  it('the activation planner knows the pace but may send no SMS', () => {
    const sends = roleStatements('planner').filter((st) => actionsOf(st).some((a) => a.startsWith('sns:') || a.startsWith('sms-voice:')));

    expect(sends).toEqual([]);
  });

  it('the poller, the API and the activation planner hand waves to the dispatch queue: they know its URL and may send to it', () => {
    for (const which of ['poller', 'api', 'planner'] as const) {
      const sendTo = roleStatements(which).filter((st) => actionsOf(st).includes('sqs:SendMessage')).flatMap((st) => [st.Resource].flat());

      expect(props(which).Environment.Variables.DISPATCH_QUEUE_URL, which).toEqual({ Ref: dispatchQueueId() });
      expect(sendTo, which).toContainEqual({ 'Fn::GetAtt': [dispatchQueueId(), 'Arn'] });
    }
  });

  it('the dispatcher is fed by the dispatch queue up to 10 messages at a time (streamed teams together), reporting batch item failures', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fn('dispatcher') },
      EventSourceArn: { 'Fn::GetAtt': [dispatchQueueId(), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('the dispatcher runs one container at a time, for at least 5 minutes, and the queue hides a wave for 6 times that', () => {
    const queue = s.template.toJSON().Resources[dispatchQueueId()].Properties;

    expect(props('dispatcher').ReservedConcurrentExecutions).toBe(1);
    expect(props('dispatcher').Timeout).toBeGreaterThanOrEqual(300);
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * props('dispatcher').Timeout);
  });

  it('a wave the dispatcher keeps failing on goes to an alarmed dead-letter queue, and a wave that waits too long raises an alarm', () => {
    const deadLettersId = s.logicalId(s.stack.dispatcher.requests.deadLetters.queue);

    expect(s.template.toJSON().Resources[dispatchQueueId()].Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] }, maxReceiveCount: 5 });
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dispatchQueueId(), 'QueueName'] } }] });
  });

  it('the API hands an officer\'s activations and upgrades to the planning queue: it knows its URL and may send to it', () => {
    const sendTo = roleStatements('api').filter((st) => actionsOf(st).includes('sqs:SendMessage')).flatMap((st) => [st.Resource].flat());

    expect(props('api').Environment.Variables.PLANNING_QUEUE_URL).toEqual({ Ref: planningQueueId() });
    expect(sendTo).toContainEqual({ 'Fn::GetAtt': [planningQueueId(), 'Arn'] });
  });

  it('the poller hands its activations and upgrades to the planning queue too: it knows its URL and may send to it', () => {
    const sendTo = roleStatements('poller').filter((st) => actionsOf(st).includes('sqs:SendMessage')).flatMap((st) => [st.Resource].flat());

    expect(props('poller').Environment.Variables.PLANNING_QUEUE_URL).toEqual({ Ref: planningQueueId() });
    expect(sendTo).toContainEqual({ 'Fn::GetAtt': [planningQueueId(), 'Arn'] });
  });

  it('the activation planner is fed by the planning queue one wave at a time, for Lambda\'s longest 15 minutes, the queue hiding a wave for twice that', () => {
    const queue = s.template.toJSON().Resources[planningQueueId()].Properties;

    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fn('planner') }, EventSourceArn: { 'Fn::GetAtt': [planningQueueId(), 'Arn'] }, BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(props('planner').Timeout).toBe(900);
    expect(queue.VisibilityTimeout).toBe(2 * props('planner').Timeout);
  });

  it('the poller resumes an unplanned wave only after the activation planner\'s timeout, so that it never plans beside a live run', () => {
    expect(PLANNING_RUN_MS).toBeGreaterThan(props('planner').Timeout * 1000);
  });

  it('the poller resumes a wave a poller run left unplanned only after the poller\'s own timeout', () => {
    expect(POLL_RUN_MS).toBeGreaterThan(props('poller').Timeout * 1000);
  });

  it('a wave the planner keeps failing on goes to an alarmed dead-letter queue, and one that waits 5 minutes raises an alarm', () => {
    const deadLettersId = s.logicalId(s.stack.planner.requests.deadLetters.queue);

    expect(s.template.toJSON().Resources[planningQueueId()].Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] }, maxReceiveCount: 3 });
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 300, Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [planningQueueId(), 'QueueName'] } }] });
  });

  it('the escalator sweeps every minute, one container at a time', () => {
    expect(scheduleOf('escalator')).toMatchObject({ ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    expect(props('escalator').ReservedConcurrentExecutions).toBe(1);
  });

  it('a sweep that fails, or that the scheduler cannot deliver, goes to the escalator\'s alarmed dead-letter queue and is not retried', () => {
    const deadLetters = { 'Fn::GetAtt': [s.logicalId(s.stack.escalator.deadLetters.queue), 'Arn'] };

    expect(scheduleOf('escalator')?.Target.DeadLetterConfig).toEqual({ Arn: deadLetters });
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: fn('escalator') }, MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: deadLetters } } });
  });

  it('the poller runs every 15 minutes', () => {
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fn('poller'), 'Arn'] } }),
    });
  });

  it('the poller runs one container at a time, so a tick delivered twice cannot text the duty officer twice', () => {
    expect(props('poller').ReservedConcurrentExecutions).toBe(1);
  });

  it("the poller's schedule's role may invoke the poller and nothing else", () => {
    const roleArn = scheduleOf('poller')?.Target.RoleArn as { 'Fn::GetAtt': [string, string] };
    const policies = Object.values(s.template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleArn['Fn::GetAtt'][0]}"`));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[]);

    expect(statements).toHaveLength(1);
    expect(statements[0]?.Action).toBe('lambda:InvokeFunction');
    expect(JSON.stringify(statements[0]?.Resource)).not.toContain(fn('inbound'));
    expect(JSON.stringify(statements[0]?.Resource)).toContain(fn('poller'));
  });

  it('builds one table per shared definition, with its keys, indexes and TTL', () => {
    s.template.resourceCountIs('AWS::DynamoDB::Table', ALL_TABLES.length);
    for (const def of ALL_TABLES) {
      const table = s.template.toJSON().Resources[s.logicalId(s.stack.tables.get(def))].Properties;

      expect(table.KeySchema).toEqual([
        { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
        ...(def.sortKey ? [{ AttributeName: def.sortKey.name, KeyType: 'RANGE' }] : []),
      ]);
      expect((table.GlobalSecondaryIndexes ?? []).map((i: { IndexName: string }) => i.IndexName)).toEqual(def.indexes.map((i) => i.indexName));
      expect(table.TimeToLiveSpecification?.AttributeName).toBe(def.timeToLiveAttribute);
    }
  });

  it('every table is on-demand with point-in-time recovery', () => {
    const tables = Object.values(s.template.findResources('AWS::DynamoDB::Table')).map((t) => t.Properties);

    for (const t of tables) {
      expect(t.BillingMode).toBe('PAY_PER_REQUEST');
      expect(t.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    }
  });

  it('every table is encrypted with a customer-managed KMS key that rotates', () => {
    const keys = s.template.findResources('AWS::KMS::Key');
    const tables = Object.values(s.template.findResources('AWS::DynamoDB::Table')).map((t) => t.Properties);

    for (const t of tables) {
      const keyId = t.SSESpecification?.KMSMasterKeyId?.['Fn::GetAtt']?.[0] as string;
      expect(t.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
      expect(keys[keyId]?.Properties.EnableKeyRotation).toBe(true);
    }
  });

  it('in dev, tables are deleted with the stack', () => {
    const tables = Object.values(s.template.findResources('AWS::DynamoDB::Table'));

    for (const t of tables) {
      expect(t.DeletionPolicy).toBe('Delete');
      expect(t.Properties.DeletionProtectionEnabled).toBe(false);
    }
  });

  it('no table has a hard-coded name', () => {
    const named = Object.values(s.template.findResources('AWS::DynamoDB::Table')).filter((t) => t.Properties.TableName !== undefined);

    expect(named).toEqual([]);
  });

  it('the response log grants allow only PutItem and Query: no UpdateItem or DeleteItem', () => {
    const logId = s.logicalId(s.stack.tables.get(LOG_TABLE));
    const onLog = identityStatements(s.template).filter((st) => refersTo(st, logId));

    expect(onLog.length).toBeGreaterThan(0);
    for (const st of onLog) {
      expect(actionsOf(st)).not.toContain('dynamodb:UpdateItem');
      expect(actionsOf(st)).not.toContain('dynamodb:DeleteItem');
      expect(actionsOf(st).filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query']);
    }
  });

  it('the API\'s role may only put and query the response log: its log-table statement holds PutItem and Query and nothing else', () => {
    const logId = s.logicalId(s.stack.tables.get(LOG_TABLE));
    const onLog = roleStatements('api').filter((st) => refersTo(st, logId));

    expect(onLog).toHaveLength(1);
    expect(actionsOf(onLog[0]!).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query']);
  });

  it('no Lambda gets DynamoDB rights on every resource, or any right to Scan', () => {
    const dynamo = identityStatements(s.template).filter((st) => actionsOf(st).some((a) => a.startsWith('dynamodb:')));

    for (const st of dynamo) {
      expect(st.Resource).not.toBe('*');
      expect(actionsOf(st)).not.toContain('dynamodb:Scan');
      expect(actionsOf(st)).not.toContain('dynamodb:*');
    }
  });

  it('the registry is read-only to every Lambda but the API, through which admins edit it', () => {
    const registryId = s.logicalId(s.stack.tables.get(REGISTRY_TABLE));
    const writers = ALL.filter((which) => roleStatements(which)
      .filter((st) => refersTo(st, registryId))
      .flatMap(actionsOf)
      .some((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)));

    expect(writers).toEqual(['api']);
  });

  it('the Lambdas that text may send SMS to phone numbers (the API only for a reassignment notice, its waves go to the dispatcher; the public API to reporters)', () => {
    const publishes = (which: Which) => roleStatements(which).some((st) => actionsOf(st).includes('sns:Publish') && st.Resource === '*');

    expect(ALL.filter(publishes)).toEqual(['poller', 'inbound', 'dispatcher', 'escalator', 'api', 'publicApi']);
  });

  it('the inbound replies topic is KMS-encrypted and refuses requests without TLS', () => {
    const topicId = s.logicalId(s.stack.inbound!.topic);

    s.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } });
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      }),
    });
  });

  it('only this account\'s End User Messaging SMS may publish to the inbound topic', () => {
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Principal: { Service: 'sms-voice.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        })]),
      }),
    });
  });

  it('sms-inbound is subscribed to the inbound replies topic', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: s.logicalId(s.stack.inbound!.topic) },
      Endpoint: { 'Fn::GetAtt': [fn('inbound'), 'Arn'] },
    });
  });

  it('a reply SNS cannot deliver goes to a dead-letter queue', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [s.logicalId(s.stack.inbound!.deliveryDeadLetters.queue), 'Arn'] } },
    });
  });

  it('a reply sms-inbound fails on after its retries goes to a dead-letter queue', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn('inbound') },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [s.logicalId(s.stack.inbound!.failureDeadLetters.queue), 'Arn'] } } },
    });
  });

  it('an alarm fires as soon as any dead-letter queue holds one message', () => {
    const queueIds = s.stack.node.findAll().filter((c): c is AlarmedDeadLetterQueue => c instanceof AlarmedDeadLetterQueue).map((d) => s.logicalId(d.queue));
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

    // sms-inbound's two, the dispatch queue's, the planning queue's, the escalator's: every queue but the two work queues themselves.
    expect(queueIds).toHaveLength(5);
    expect(queueIds.length).toBe(Object.keys(s.template.findResources('AWS::SQS::Queue')).length - 2);
    for (const queueId of queueIds) {
      const alarm = alarms.find((a) => JSON.stringify(a.Dimensions ?? []).includes(`"${queueId}"`));
      expect(alarm).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
      });
    }
  });

  it('the dead-letter queues are encrypted with a customer-managed key', () => {
    const keys = s.template.findResources('AWS::KMS::Key');
    const queues = Object.values(s.template.findResources('AWS::SQS::Queue')).map((q) => q.Properties);

    for (const q of queues) expect(keys[q.KmsMasterKeyId?.['Fn::GetAtt']?.[0] as string]).toBeDefined();
  });
});

describe('snowops stack, prod', () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthStack('prod');
  });
  afterAll(() => s?.dispose());

  it('in prod, tables survive stack deletion and are deletion-protected', () => {
    const tables = Object.values(s.template.findResources('AWS::DynamoDB::Table'));

    expect(tables).toHaveLength(ALL_TABLES.length);
    for (const t of tables) {
      expect(t.DeletionPolicy).toBe('Retain');
      expect(t.Properties.DeletionProtectionEnabled).toBe(true);
    }
  });

  it('in prod, the KMS keys are retained: deleting one would make every backup unreadable', () => {
    const keys = Object.values(s.template.findResources('AWS::KMS::Key'));

    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k.DeletionPolicy).toBe('Retain');
  });
});
