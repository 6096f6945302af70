import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Grant, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { BUNDLING, smsBundling, handlerEntry, LAMBDA_ARCHITECTURE, LAMBDA_NODE_OPTIONS, LAMBDA_RUNTIME, LOCK_FILE, PROJECT_ROOT } from './bundling/bundlingOptions.ts';
import { stageSettings, type Stage } from './config/Stage.ts';
import { KEY_ACTIONS, TABLE_ACTIONS, type TableAccess } from './functions/tableAccess.ts';
import { TelemetryKey } from './observability/TelemetryKey.ts';
import type { SnowopsTable } from './tables/SnowopsTable.ts';

export interface SnowopsFunctionProps {
  /** File name under functions/handlers/, e.g. `forecastPoller.ts`. Its export must be `handler`. */
  handlerFile: string;
  description: string;
  stage: Stage;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
  /** Caps (and guarantees) concurrent instances, e.g. 1 where one container must hold the SMS pace. */
  reservedConcurrentExecutions?: number;
  /** The stage's SMS provider, fixed in the bundle (lib/bundling/bundlingOptions.ts, smsBundling). */
  smsProvider?: 'sns' | 'aliyun';
}

/**
 * The one way this project makes a Lambda, and so the one place its security and observability live:
 * Node.js 22 on arm64, bundled by esbuild as ESM (lib/bundling/bundlingOptions.ts); its own role with
 * no managed policy (logs only to its own log group, X-Ray, then exactly the grants its construct
 * adds); its own log group, KMS-encrypted, with a retention; active tracing; the environment the
 * handler's Telemetry reads; and an alarm on its errors (routed to the operators by the stack's aspect).
 */
export class SnowopsFunction extends NodejsFunction {
  /** The handler file it runs, so bench/bundles.ts can build every function of the stack. */
  readonly handlerFile: string;
  readonly errorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: SnowopsFunctionProps) {
    const settings = stageSettings(props.stage);
    // Created in the parent scope because NodejsFunction needs them before `this` exists.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
      encryptionKey: TelemetryKey.of(scope, props.stage),
    });
    // Instead of AWSLambdaBasicExecutionRole, whose logs:CreateLogGroup / PutLogEvents apply to every log
    // group in the account: this role may write only to the function's own group (below).
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `snowops ${props.handlerFile}: its log group, X-Ray, and the grants its construct adds`,
    });
    super(scope, id, {
      entry: handlerEntry(props.handlerFile),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: LOCK_FILE,
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      ...(props.reservedConcurrentExecutions !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        // Source-mapped stack traces (lib/bundling/bundlingOptions.ts says what they cost at a cold start).
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
        // The metrics' `service` dimension (functions/config/metrics.ts): one stack, one set of metrics.
        SNOWOPS_DEPLOYMENT: Stack.of(scope).stackName,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // An error message can quote a phone number; X-Ray metadata is not masked, the log line is.
        POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
        ...props.environment,
      },
      bundling: props.smsProvider ? smsBundling(props.smsProvider) : BUNDLING,
    });
    this.handlerFile = props.handlerFile;
    // The group exists before the function (no CreateLogGroup); the log-group ARN ends in ':*', which covers its streams.
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));

    this.errorsAlarm = new Alarm(this, 'Errors', {
      alarmDescription: `${props.handlerFile} failed (an uncaught error or a timeout): ${props.description}. Its log group has the error; its trigger's retries or dead-letter queue hold the event.`,
      metric: this.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    NagSuppressions.addResourceSuppressions(role, [
      {
        id: 'AwsSolutions-IAM5',
        reason: "Resource '*' is for X-Ray PutTraceSegments / PutTelemetryRecords (no resource type exists) and, where granted, SNS Publish to a phone number (no ARN exists; lib/messaging/grantSmsToPhoneNumbers.ts) and the SNS opt-out lookups (account-level; lib/messaging/grantSmsOptOutChecks.ts). test/infra/security.test.ts pins which actions may use '*'.",
        appliesTo: ['Resource::*'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: "CDK's grant on a KMS-encrypted SQS queue names kms:GenerateDataKey* / kms:ReEncrypt*; the statement's resource is one of this stack's customer-managed keys, never '*' (test/infra/security.test.ts).",
        appliesTo: ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
      },
    ], true);
    NagSuppressions.addResourceSuppressions(this, [
      { id: 'AwsSolutions-L1', reason: 'Pinned to Node.js 22 (DESIGN.md: the runtime the code and its tests target); moving to a newer runtime is a deliberate upgrade, not a side effect of a CDK release.' },
    ]);
  }

  /** Grants `access` to `table` and its indexes (named, not `index/*`) and its KMS key, and tells the handler the table's name in `envVar`. */
  grantTable(table: SnowopsTable, envVar: string, access: TableAccess): void {
    const indexArns = table.definition.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
    Grant.addToPrincipal({ grantee: this, actions: [...TABLE_ACTIONS[access]], resourceArns: [table.tableArn, ...indexArns] });
    // A table under a customer-managed key also needs the key.
    table.encryptionKey?.grant(this, ...KEY_ACTIONS[access]);
    this.addEnvironment(envVar, table.tableName);
  }
}
