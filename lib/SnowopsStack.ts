import { Aspects, CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { REGISTRY_TABLE } from '../functions/config/tables.ts';
import { PublicApi } from './api/PublicApi.ts';
import { SnowopsApi } from './api/SnowopsApi.ts';
import { PhotoBucket } from './citizen/PhotoBucket.ts';
import { ConsoleHosting } from './console/ConsoleHosting.ts';
import type { DeployConfig } from './config/deployConfigSchema.ts';
import type { Stage } from './config/Stage.ts';
import { ActivationPlanner } from './activation/ActivationPlanner.ts';
import { Dispatcher } from './dispatch/Dispatcher.ts';
import { Escalator } from './escalation/Escalator.ts';
import { AliyunCallbacks, ALIYUN_CALLBACK_PATHS } from './inbound/AliyunCallbacks.ts';
import { SmsInbound } from './inbound/SmsInbound.ts';
import { smsWiringFromConfig } from './messaging/smsWiringFromConfig.ts';
import { SmsSpendGuard } from './messaging/SmsSpendGuard.ts';
import { OperatorAlarms } from './observability/OperatorAlarms.ts';
import { OperatorsTopic } from './observability/OperatorsTopic.ts';
import { RouteAlarmsToOperators } from './observability/RouteAlarmsToOperators.ts';
import { StormDashboard } from './observability/StormDashboard.ts';
import { TelemetryKey } from './observability/TelemetryKey.ts';
import { ForecastPoller } from './poller/ForecastPoller.ts';
import { CustomerManagedKey } from './security/CustomerManagedKey.ts';
import { SnowopsTables } from './tables/SnowopsTables.ts';

export interface SnowopsStackProps extends StackProps {
  /** config/<stage>.json, validated (lib/config/loadDeployConfig.ts). */
  config: DeployConfig;
}

/**
 * One stage of snowops: the tables; the forecast poller on its schedule; the dispatch queue and the
 * dispatcher that sends each wave; the escalator's sweep; the two-way SMS path; the HTTP API with its
 * Cognito users; and the operators' side: alarms (every one routed to the operators' topic), the SMS
 * spend guard, the storm dashboard. Nothing is named, so stages (and copies of one) share an account
 * without collisions.
 */
export class SnowopsStack extends Stack {
  readonly stage: Stage;
  readonly config: DeployConfig;
  readonly tables: SnowopsTables;
  readonly poller: ForecastPoller;
  /** Two-way SMS by End User Messaging SMS and SNS (sms.provider sns). */
  readonly inbound?: SmsInbound;
  /** Alibaba Cloud SMS's callbacks for replies and receipts (sms.provider aliyun). */
  readonly aliyunCallbacks?: AliyunCallbacks;
  readonly dispatcher: Dispatcher;
  readonly planner: ActivationPlanner;
  readonly escalator: Escalator;
  readonly api: SnowopsApi;
  /** Citizens' reports: Open311 and the report page's routes, on their own API. */
  readonly publicApi: PublicApi;
  readonly photos: PhotoBucket;
  /** Absent when the config turns hosting off (console.hosted: false). */
  readonly console?: ConsoleHosting;
  readonly operatorsTopic: OperatorsTopic;
  readonly alarms: OperatorAlarms;
  /** SNS's monthly SMS spend limit and alarm (sms.provider sns; Alibaba Cloud bills and limits in its own console). */
  readonly spendGuard?: SmsSpendGuard;
  readonly dashboard: StormDashboard;

  constructor(scope: Construct, id: string, props: SnowopsStackProps) {
    // A configured region (the China stage's must be) fixes the partition, so every ARN CDK writes says aws-cn there.
    super(scope, id, { ...props, env: props.env ?? (props.config.region ? { region: props.config.region } : undefined) });
    const { config } = props;
    const { stage } = config;
    this.stage = stage;
    this.config = config;
    Tags.of(this).add('snowops:stage', stage);
    Tags.of(this).add('snowops:plan', config.city.planId);

    // Separate keys, so that the service principals the messaging path needs (SNS, End User Messaging
    // SMS) and those the telemetry needs (CloudWatch Logs, alarms) get nothing on the key that protects
    // the registry and the response log.
    const tablesKey = new CustomerManagedKey(this, 'TablesKey', { stage, description: 'snowops tables: registry (phone numbers), operations, response log' });
    const messagingKey = new CustomerManagedKey(this, 'MessagingKey', { stage, description: 'snowops SMS replies topic, dispatch queue and dead-letter queues' });
    const telemetryKey = TelemetryKey.of(this, stage);

    this.operatorsTopic = new OperatorsTopic(this, 'OperatorsTopic', { key: telemetryKey, email: config.alarms.email });
    Aspects.of(this).add(new RouteAlarmsToOperators(this.operatorsTopic));
    this.alarms = new OperatorAlarms(this, 'Alarms');

    this.tables = new SnowopsTables(this, 'Tables', { stage, encryptionKey: tablesKey });
    const sms = smsWiringFromConfig(this, stage, config.sms, messagingKey);
    this.poller = new ForecastPoller(this, 'ForecastPoller', { stage, tables: this.tables, sms, openMeteoBaseUrl: config.city.openMeteoBaseUrl });
    if (sms.provider === 'sns') this.inbound = new SmsInbound(this, 'SmsInbound', { stage, tables: this.tables, messagingKey, sms });
    // Waves of taskings go through the dispatch queue, from the poller's activations and upgrades and from an officer's.
    this.dispatcher = new Dispatcher(this, 'Dispatcher', { stage, tables: this.tables, messagingKey, alarms: this.alarms, sms });
    // An officer's activation or upgrade answers at once; its wave is planned and booked here, then queued for the dispatcher.
    this.planner = new ActivationPlanner(this, 'ActivationPlanner', { stage, tables: this.tables, messagingKey, alarms: this.alarms, sms });
    this.escalator = new Escalator(this, 'Escalator', { stage, tables: this.tables, messagingKey, sms });
    this.api = new SnowopsApi(this, 'Api', { stage, tables: this.tables, alarms: this.alarms, sms, signIn: config.auth });
    this.photos = new PhotoBucket(this, 'CitizenPhotos', { stage, pageOrigin: config.citizens.pageOrigin });
    this.publicApi = new PublicApi(this, 'PublicApi', { stage, tables: this.tables, alarms: this.alarms, sms, photos: this.photos });
    if (sms.provider === 'aliyun') this.aliyunCallbacks = new AliyunCallbacks(this, 'AliyunCallbacks', { stage, tables: this.tables, sms, messagingKey, httpApi: this.api.httpApi });
    if (config.console.hosted) {
      this.console = new ConsoleHosting(this, 'Console', { stage, api: this.api, citizens: { api: this.publicApi, photos: this.photos } });
      // Reporters' SMS link to their status page on the hosted report page (registration by the public API, closing by the officers').
      for (const fn of [this.api.function, this.publicApi.function]) fn.addEnvironment('CITIZEN_PAGE_URL', this.console.origin);
    }
    this.dispatcher.grantRequests(this.poller.function);
    this.dispatcher.grantRequests(this.api.function);
    this.dispatcher.grantRequests(this.planner.function);
    this.planner.grantRequests(this.api.function);
    // The poller's activations and upgrades too: a city's first wave outlasts the poller's 2 minutes (issue 16).
    this.planner.grantRequests(this.poller.function);

    this.alarms.staleForecast();
    this.alarms.smsFailures();
    this.alarms.smsDeadLettered();
    this.alarms.dutyOfficerEscalations();
    this.alarms.activationSmsBudget(config.sms.activationBudget);
    if (config.sms.provider === 'sns') {
      this.spendGuard = new SmsSpendGuard(this, 'SmsSpendGuard', {
        stage,
        monthlyLimitUsd: config.sms.monthlySpendLimitUsd,
        alarmPercent: config.sms.spendAlarmPercent,
        manageAccountLimit: config.sms.manageAccountSpendLimit,
        alarms: this.alarms,
      });
    }

    // Last, so that it shows every alarm made above (new Lambdas are wired before this line).
    this.dashboard = new StormDashboard(this, 'StormDashboard', {
      city: config.city,
      alarms: this.node.findAll().filter((c): c is Alarm => c instanceof Alarm),
    });

    if (this.inbound) {
      new CfnOutput(this, 'InboundRepliesTopicArn', {
        description: 'Set as the two-way SMS destination of the origination number in End User Messaging SMS',
        value: this.inbound.topic.topicArn,
      });
    }
    if (this.aliyunCallbacks && sms.provider === 'aliyun') {
      new CfnOutput(this, 'AliyunUplinkCallbackUrl', { description: 'Register in the Alibaba Cloud SMS console as the SmsUp HTTP push URL, adding ?token=<the AliyunCallbackTokenSecretArn secret\'s value>', value: `${this.api.url.replace(/\/$/, '')}${ALIYUN_CALLBACK_PATHS.uplink}` });
      new CfnOutput(this, 'AliyunReceiptCallbackUrl', { description: 'Register as the SmsReport HTTP push URL, adding ?token=<the same token>', value: `${this.api.url.replace(/\/$/, '')}${ALIYUN_CALLBACK_PATHS.receipts}` });
      new CfnOutput(this, 'AliyunCallbackTokenSecretArn', { description: 'The callback token (aws secretsmanager get-secret-value --secret-id <this>)', value: this.aliyunCallbacks.token.secretArn });
      new CfnOutput(this, 'AliyunAccessKeySecretArn', { description: 'Put the RAM user\'s AccessKey here as {"accessKeyId","accessKeySecret"} (README, Deploy in China)', value: sms.accessKey.secretArn });
    }
    new CfnOutput(this, 'PublicApiUrl', { description: 'The citizens\' API: Open311 at <this>open311/discovery.json', value: this.publicApi.url });
    new CfnOutput(this, 'ApiUrl', { description: 'The HTTP API (npx snowops --api <this> --token <IdToken>)', value: this.api.url });
    if (this.api.users) {
      new CfnOutput(this, 'UserPoolId', { description: 'Cognito user pool of the API users: create them here (README, Deploy)', value: this.api.users.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { description: 'App client to sign in with (aws cognito-idp initiate-auth --client-id <this>)', value: this.api.users.client.userPoolClientId });
    }
    if (this.console) new CfnOutput(this, 'ReportPageUrl', { description: 'The citizens\' report page (no account)', value: `${this.console.origin}/report/` });
    if (this.console) new CfnOutput(this, 'ConsoleUrl', { description: 'The web console (sign in through the Cognito hosted UI)', value: this.console.url });
    new CfnOutput(this, 'RegistryTableName', { description: 'npm run registry:import -- --table <this> (README, Deploy)', value: this.tables.get(REGISTRY_TABLE).tableName });
    new CfnOutput(this, 'OperatorsTopicArn', { description: 'Every alarm goes here; subscribe the on-call channel', value: this.operatorsTopic.topicArn });
    new CfnOutput(this, 'DashboardName', { description: 'CloudWatch dashboard of the storm', value: this.dashboard.dashboard.dashboardName });
  }
}
