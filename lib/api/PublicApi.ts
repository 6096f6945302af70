import { Aws, Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { CITIZEN_TABLE, IDEMPOTENCY_TABLE, LOG_TABLE, OPERATIONS_TABLE, REGISTRY_TABLE } from '../../functions/config/tables.ts';
import { publicRoutes } from '../../functions/handlers/api/routeTable.ts';
import type { PhotoBucket } from '../citizen/PhotoBucket.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';
import { wireSms, type SmsWiring } from '../messaging/SmsWiring.ts';
import type { OperatorAlarms } from '../observability/OperatorAlarms.ts';
import { TelemetryKey } from '../observability/TelemetryKey.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/** Citizens are many and anonymous: a low cap per stage (API Gateway counts requests, not callers). */
export const PUBLIC_RATE_PER_SECOND = 10;
export const PUBLIC_BURST = 20;

const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId', time: '$context.requestTime', ip: '$context.identity.sourceIp', method: '$context.httpMethod',
  routeKey: '$context.routeKey', status: '$context.status', responseLength: '$context.responseLength', latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
};

export interface PublicApiProps {
  stage: Stage;
  tables: SnowopsTables;
  alarms: OperatorAlarms;
  sms: SmsWiring;
  photos: PhotoBucket;
}

/**
 * The citizens' API: its own HTTP API (never beside the officers' routes), no authorizer, throttled per stage,
 * and its own Lambda whose role reads the registry and operations, writes only the citizen table (and the
 * append-only log, and the exactly-once records of reporters' SMS), texts reporters, and handles photos.
 * Only the public routes exist on it: any other path is API Gateway's 404.
 */
export class PublicApi extends Construct {
  readonly function: SnowopsFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly routes: HttpRoute[];
  readonly serverErrorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);
    const settings = stageSettings(props.stage);
    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'publicApi.ts',
      description: 'Citizens\' API: Open311 GeoReport v2 and the report page (phone check, nearby reports, photos, status)',
      stage: props.stage,
      timeout: Duration.seconds(29),
      smsProvider: props.sms.provider,
      environment: { PHOTO_BUCKET: props.photos.bucket.bucketName },
    });
    const { tables } = props;
    this.function.grantTable(tables.get(REGISTRY_TABLE), REGISTRY_TABLE.envVar, 'read');
    // A reporter's page follows the case's task (read); the case itself is in the citizen table.
    this.function.grantTable(tables.get(OPERATIONS_TABLE), OPERATIONS_TABLE.envVar, 'read');
    this.function.grantTable(tables.get(LOG_TABLE), LOG_TABLE.envVar, 'append');
    this.function.grantTable(tables.get(CITIZEN_TABLE), CITIZEN_TABLE.envVar, 'readWrite');
    this.function.grantTable(tables.get(IDEMPOTENCY_TABLE), IDEMPOTENCY_TABLE.envVar, 'readWrite');
    wireSms(this.function, props.sms);
    props.photos.grantPhotoHandling(this.function);

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy, encryptionKey: TelemetryKey.of(this, props.stage) });
    this.httpApi = new HttpApi(this, 'Http', {
      apiName: `${Aws.STACK_NAME}-public-api`,
      description: 'snowops: citizens\' reports (Open311 GeoReport v2 and the report page); no sign-in, throttled',
      createDefaultStage: false,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)) },
      throttle: { rateLimit: PUBLIC_RATE_PER_SECOND, burstLimit: PUBLIC_BURST },
    });
    const integration = new HttpLambdaIntegration('Lambda', this.function, { scopePermissionToRoute: false });
    this.routes = publicRoutes().flatMap((route) => this.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration }));
    NagSuppressions.addResourceSuppressions(this.routes, [{
      id: 'AwsSolutions-APIG4',
      reason: 'Citizens report without an account (issue 17; Open311 GeoReport v2): these are the public routes, on their own throttled API. Writes need a pass earned by an SMS code, and each phone and address is rate-limited in the Lambda.',
    }]);

    this.serverErrorsAlarm = props.alarms.above('PublicApiServerErrors', {
      metric: this.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      description: 'The citizens\' API answered 5xx: its Lambda failed or timed out (its errors alarm and log group say which route). Citizens cannot report or read their status meanwhile; officers\' work is not affected.',
    });
  }

  get url(): string {
    return this.stage.url;
  }
}
