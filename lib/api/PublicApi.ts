import { Aws, Duration } from 'aws-cdk-lib';
import { AccessLogFormat, EndpointType, LambdaIntegration, LogGroupLogDestination, MethodLoggingLevel, ResponseType, RestApi, type Method } from 'aws-cdk-lib/aws-apigateway';
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
import { PublicApiFirewall, RATE_WINDOW_SECONDS } from './PublicApiFirewall.ts';

/** Citizens are many and anonymous: a low cap per stage (API Gateway counts requests, not callers). */
export const PUBLIC_RATE_PER_SECOND = 10;
export const PUBLIC_BURST = 20;
/** The REST API's stage: part of its execute-api URL, and the origin path the console's distribution calls it on. */
export const PUBLIC_STAGE_NAME = 'citizens';

const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId', time: '$context.requestTime', ip: '$context.identity.sourceIp', method: '$context.httpMethod',
  resource: '$context.resourcePath', status: '$context.status', responseLength: '$context.responseLength', latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage', waf: '$context.wafResponseCode',
};

export interface PublicApiProps {
  stage: Stage;
  tables: SnowopsTables;
  alarms: OperatorAlarms;
  sms: SmsWiring;
  photos: PhotoBucket;
}

/**
 * The citizens' API: its own REST API (never beside the officers' routes), no authorizer, throttled per
 * stage, behind a regional WAF web ACL of rate rules per address (PublicApiFirewall: an HTTP API cannot be
 * associated with one), and its own Lambda whose role reads the registry and operations, writes only the
 * citizen table (and the append-only log, and the exactly-once records of reporters' SMS), texts reporters,
 * and handles photos. Only the public routes exist on it: any other path is a 404.
 */
export class PublicApi extends Construct {
  readonly function: SnowopsFunction;
  readonly restApi: RestApi;
  readonly methods: Method[];
  readonly firewall: PublicApiFirewall;
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
    this.restApi = new RestApi(this, 'Rest', {
      restApiName: `${Aws.STACK_NAME}-public-api`,
      description: 'snowops: citizens\' reports (Open311 GeoReport v2 and the report page); no sign-in, throttled, WAF rate rules',
      // Regional: the console's CloudFront distribution is in front of it where the console is hosted (and edge-optimised APIs do not exist in China).
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // The Lambda gets the bytes as sent (base64) and judges their charset and type itself, as behind the HTTP API.
      binaryMediaTypes: ['*/*'],
      // No account-wide API Gateway logging role: the access log below needs none.
      cloudWatchRole: false,
      deployOptions: {
        stageName: PUBLIC_STAGE_NAME,
        throttlingRateLimit: PUBLIC_RATE_PER_SECOND,
        throttlingBurstLimit: PUBLIC_BURST,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
        loggingLevel: MethodLoggingLevel.OFF,
        tracingEnabled: true,
      },
    });
    // Unknown paths and methods answer 404 (API Gateway's default is a 403 asking for a token), and a request the
    // web ACL blocked 429: both as problem+json, like the Lambda's own errors.
    this.restApi.addGatewayResponse('UnknownRoute', {
      type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
      statusCode: '404',
      templates: { 'application/json': JSON.stringify({ type: 'urn:snowops:problem:no-such-route', title: 'No such route', status: 404, detail: 'there is no such route on the citizens\' API; the routes are listed in /openapi.json' }) },
    });
    this.restApi.addGatewayResponse('RateLimited', {
      type: ResponseType.WAF_FILTERED,
      statusCode: '429',
      responseHeaders: { 'Retry-After': `'${RATE_WINDOW_SECONDS}'` },
      templates: { 'application/json': JSON.stringify({ type: 'urn:snowops:problem:rate-limited', title: 'Too many requests', status: 429, detail: `too many requests from this address; try again in a few minutes (limits are counted over ${RATE_WINDOW_SECONDS / 60} minutes)` }) },
    });
    const integration = new LambdaIntegration(this.function, { proxy: true, scopePermissionToMethod: false });
    this.methods = publicRoutes().map((route) => this.restApi.root.resourceForPath(route.path).addMethod(route.method, integration));
    this.firewall = new PublicApiFirewall(this, 'Firewall', { stage: this.restApi.deploymentStage });
    NagSuppressions.addResourceSuppressions(this.methods, [
      {
        id: 'AwsSolutions-APIG4',
        reason: 'Citizens report without an account (issue 17; Open311 GeoReport v2): these are the public routes, on their own throttled API behind WAF rate rules. Writes need a pass earned by an SMS code, and each phone and address is rate-limited in the Lambda.',
      },
      { id: 'AwsSolutions-COG4', reason: 'Citizens have no account, in Cognito or anywhere: the public routes are open by design (see APIG4).' },
    ]);
    NagSuppressions.addResourceSuppressions(this.restApi, [
      { id: 'AwsSolutions-APIG2', reason: 'Every route validates its input in the Lambda (zod schemas, one error per field, Open311\'s error format under /open311/), so API Gateway\'s request validators would repeat them with worse messages.' },
    ]);
    NagSuppressions.addResourceSuppressions(this.restApi.deploymentStage, [
      { id: 'AwsSolutions-APIG6', reason: 'Each request is in the access log (above); execution logs would need an account-wide API Gateway role and, at INFO, would write reporters\' phone numbers from request bodies to CloudWatch.' },
    ]);

    this.serverErrorsAlarm = props.alarms.above('PublicApiServerErrors', {
      metric: this.restApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      description: 'The citizens\' API answered 5xx: its Lambda failed or timed out (its errors alarm and log group say which route). Citizens cannot report or read their status meanwhile; officers\' work is not affected.',
    });
  }

  /** https://<id>.execute-api.<region>.<suffix>/<stage>/ */
  get url(): string {
    return this.restApi.url;
  }
}
