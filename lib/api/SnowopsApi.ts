import { Aws, Duration, Lazy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { grantSmsToPhoneNumbers } from '../messaging/grantSmsToPhoneNumbers.ts';
import { smsEnvironment, type SmsSettings } from '../messaging/SmsSettings.ts';
import { Construct } from 'constructs';
import { CITIZEN_TABLE, IDEMPOTENCY_TABLE, LOG_TABLE, OPERATIONS_TABLE, REGISTRY_TABLE } from '../../functions/config/tables.ts';
import { allRoutes } from '../../functions/handlers/api/routeTable.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';
import type { OperatorAlarms } from '../observability/OperatorAlarms.ts';
import { TelemetryKey } from '../observability/TelemetryKey.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';
import { ApiUsers } from './ApiUsers.ts';

/** What one access-log line holds: who (the token's subject), what route, how it went. No bodies, no query strings. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
};

export interface SnowopsApiProps {
  stage: Stage;
  tables: SnowopsTables;
  alarms: OperatorAlarms;
  sms?: SmsSettings;
}

/**
 * The duty officers' and managers' HTTP API: API Gateway (HTTP API, $default stage, so the Lambda's router
 * sees the paths it declares) -> one Lambda for every route.
 *
 * Every route of functions/handlers/api/routeTable.ts becomes an API Gateway route, behind the Cognito
 * JWT authorizer except GET /openapi.json; a $default route (also behind the authorizer) lets the Lambda
 * answer its own 404 / 405 with a problem+json body. The Lambda still checks each caller's group: the
 * authorizer only proves the token is the pool's.
 */
export class SnowopsApi extends Construct {
  readonly users: ApiUsers;
  readonly function: SnowopsFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly routes: HttpRoute[];
  readonly accessLogs: LogGroup;
  readonly serverErrorsAlarm: Alarm;
  /** The app clients whose tokens the authorizer accepts: the CLI's, and the console's when it is hosted. */
  private readonly audiences: string[] = [];

  constructor(scope: Construct, id: string, props: SnowopsApiProps) {
    super(scope, id);
    const settings = stageSettings(props.stage);
    this.users = new ApiUsers(this, 'Users', { stage: props.stage });

    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'api.ts',
      description: 'HTTP API for duty officers, managers and admins: status, forecasts, activation, stand-down, logs, reports, registry',
      stage: props.stage,
      // Under API Gateway's 30-second integration limit, so a slow request ends in the Lambda's own log.
      timeout: Duration.seconds(29),
      // An activation plans and books the whole city inside that limit; Lambda's CPU grows with memory.
      memorySize: 1024,
    });
    const { tables } = props;
    // Admins edit the registry through the API; the response log is append-only for it too (issue #6).
    this.function.grantTable(tables.get(REGISTRY_TABLE), REGISTRY_TABLE.envVar, 'readWrite');
    this.function.grantTable(tables.get(OPERATIONS_TABLE), OPERATIONS_TABLE.envVar, 'readWrite');
    this.function.grantTable(tables.get(LOG_TABLE), LOG_TABLE.envVar, 'append');
    // Officers register, reject, merge and verify citizen reports (and their reporters are texted, once).
    this.function.grantTable(tables.get(CITIZEN_TABLE), CITIZEN_TABLE.envVar, 'readWrite');
    // The routes' Idempotency-Key records.
    this.function.grantTable(tables.get(IDEMPOTENCY_TABLE), IDEMPOTENCY_TABLE.envVar, 'readWrite');
    // A reassignment tells the two leaders at once; every other SMS goes through the dispatch queue.
    grantSmsToPhoneNumbers(this.function);
    for (const [name, value] of Object.entries(smsEnvironment(props.sms))) this.function.addEnvironment(name, value);

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
      encryptionKey: TelemetryKey.of(this, props.stage),
    });
    this.httpApi = new HttpApi(this, 'Http', {
      // The stack's name, resolved at deploy: 'snowops-prod-api' in the console, and never the same for two stacks.
      apiName: `${Aws.STACK_NAME}-api`,
      description: 'snowops: duty officers\' and managers\' API (Cognito JWT)',
      createDefaultStage: false,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
      // A few dozen people use it; a cap keeps a leaked token or a runaway script from running up DynamoDB.
      throttle: { rateLimit: 20, burstLimit: 40 },
    });

    const integration = new HttpLambdaIntegration('Lambda', this.function, { scopePermissionToRoute: false });
    // The issuer is the pool's own ProviderURL (https://cognito-idp.<region>.<domain>/<pool id>), not
    // HttpUserPoolAuthorizer's, which spells the domain 'amazonaws.com' and would refuse every token in
    // a partition with another domain (cdk.json targets aws-cn too).
    this.audiences.push(this.users.client.userPoolClientId);
    const authorizer = new HttpJwtAuthorizer('Cognito', this.users.userPool.userPoolProviderUrl, {
      jwtAudience: Lazy.list({ produce: () => this.audiences }),
    });
    this.routes = allRoutes().flatMap((route) => {
      const routes = this.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration, ...(route.access === 'public' ? {} : { authorizer }) });
      if (route.access === 'public') {
        NagSuppressions.addResourceSuppressions(routes, [{
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} serves the OpenAPI document, which describes the routes and holds no data; issue #6 requires it without a token so that clients can discover the API before signing in.`,
        }]);
      }
      return routes;
    });
    this.routes.push(new HttpRoute(this, 'Fallback', { httpApi: this.httpApi, routeKey: HttpRouteKey.DEFAULT, integration, authorizer }));

    this.serverErrorsAlarm = props.alarms.above('ApiServerErrors', {
      metric: this.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      description: "The HTTP API answered 5xx: the API Lambda failed or timed out (its errors alarm and log group say which route), or API Gateway could not reach it. Duty officers may be unable to activate or stand down: read the API Lambda's log group (its errors alarm names it); meanwhile the poller still activates and raises where the plan lets it.",
    });
  }

  /** Lets the authorizer accept access tokens Cognito issued to another app client of the pool (the console's). */
  acceptTokensFrom(client: UserPoolClient): void {
    this.audiences.push(client.userPoolClientId);
  }

  /** The API's base URL ($default stage). */
  get url(): string {
    return this.stage.url;
  }
}
