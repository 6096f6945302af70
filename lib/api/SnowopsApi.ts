import { Aws, Duration, Lazy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { wireSms, type SmsWiring } from '../messaging/SmsWiring.ts';
import { Construct } from 'constructs';
import { CITIZEN_TABLE, IDEMPOTENCY_TABLE, LOG_TABLE, OPERATIONS_TABLE, REGISTRY_TABLE } from '../../functions/config/tables.ts';
import { allRoutes } from '../../functions/handlers/api/routeTable.ts';
import type { DeployConfig } from '../config/deployConfigSchema.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';
import type { OperatorAlarms } from '../observability/OperatorAlarms.ts';
import { TelemetryKey } from '../observability/TelemetryKey.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';
import { ApiUsers } from './ApiUsers.ts';
import { OidcAuthorizer } from './OidcAuthorizer.ts';

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
  sms: SmsWiring;
  /** Who signs in: the stage's Cognito pool, or the city's OIDC provider through a Lambda authorizer (config `auth`). */
  signIn: DeployConfig['auth'];
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
  /** The Cognito user pool, where the stage signs in with Cognito (none in the China stage). */
  readonly users?: ApiUsers;
  /** The OIDC Lambda authorizer, where the stage signs in with the city's own provider. */
  readonly oidc?: OidcAuthorizer;
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
    if (props.signIn.kind === 'cognito') this.users = new ApiUsers(this, 'Users', { stage: props.stage });
    else this.oidc = new OidcAuthorizer(this, 'OidcAuthorizer', { stage: props.stage, signIn: props.signIn });

    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'api.ts',
      description: 'HTTP API for duty officers, managers and admins: status, forecasts, activation, stand-down, logs, reports, registry',
      stage: props.stage,
      // Under API Gateway's 30-second integration limit, so a slow request ends in the Lambda's own log.
      timeout: Duration.seconds(29),
      // An activation plans and books the whole city inside that limit; Lambda's CPU grows with memory.
      memorySize: 1024,
      smsProvider: props.sms.provider,
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
    wireSms(this.function, props.sms);

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
      encryptionKey: TelemetryKey.of(this, props.stage),
    });
    this.httpApi = new HttpApi(this, 'Http', {
      // The stack's name, resolved at deploy: 'snowops-prod-api' in the console, and never the same for two stacks.
      apiName: `${Aws.STACK_NAME}-api`,
      description: `snowops: duty officers' and managers' API (${props.signIn.kind === 'cognito' ? 'Cognito JWT' : 'OIDC JWT, Lambda authorizer'})`,
      createDefaultStage: false,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // With the OIDC authorizer, the user is in its context, not in JWT claims.
        format: AccessLogFormat.custom(JSON.stringify(this.oidc ? { ...ACCESS_LOG_FIELDS, sub: '$context.authorizer.username' } : ACCESS_LOG_FIELDS)),
      },
      // A few dozen people use it; a cap keeps a leaked token or a runaway script from running up DynamoDB.
      throttle: { rateLimit: 20, burstLimit: 40 },
    });

    const integration = new HttpLambdaIntegration('Lambda', this.function, { scopePermissionToRoute: false });
    // The issuer is the pool's own ProviderURL (https://cognito-idp.<region>.<domain>/<pool id>), not
    // HttpUserPoolAuthorizer's, which spells the domain 'amazonaws.com' and would refuse every token in
    // a partition with another domain (cdk.json targets aws-cn too).
    let authorizer: IHttpRouteAuthorizer;
    if (this.users) {
      this.audiences.push(this.users.client.userPoolClientId);
      authorizer = new HttpJwtAuthorizer('Cognito', this.users.userPool.userPoolProviderUrl, {
        jwtAudience: Lazy.list({ produce: () => this.audiences }),
      });
    } else {
      authorizer = this.oidc!.authorizer;
    }
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
    if (!this.users) throw new Error('the API signs in with OIDC (config auth.kind), not with a Cognito pool whose clients it could accept');
    this.audiences.push(client.userPoolClientId);
  }

  /** The API's base URL ($default stage). */
  get url(): string {
    return this.stage.url;
  }
}
