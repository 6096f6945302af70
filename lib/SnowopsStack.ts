import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Stage } from './config/Stage.ts';
import { SmsInbound } from './inbound/SmsInbound.ts';
import type { SmsSettings } from './messaging/SmsSettings.ts';
import { ForecastPoller } from './poller/ForecastPoller.ts';
import { CustomerManagedKey } from './security/CustomerManagedKey.ts';
import { SnowopsTables } from './tables/SnowopsTables.ts';

export interface SnowopsStackProps extends StackProps {
  stage: Stage;
  sms?: SmsSettings;
  openMeteoBaseUrl?: string;
}

/** One stage of snowops: the tables, the forecast poller on its schedule, and the two-way SMS path. */
export class SnowopsStack extends Stack {
  readonly stage: Stage;
  readonly tables: SnowopsTables;
  readonly poller: ForecastPoller;
  readonly inbound: SmsInbound;

  constructor(scope: Construct, id: string, props: SnowopsStackProps) {
    super(scope, id, props);
    this.stage = props.stage;
    const { stage } = props;

    // Two keys, so that the service principals the messaging path needs (SNS, End User Messaging SMS)
    // get nothing on the key that protects the registry and the response log.
    const tablesKey = new CustomerManagedKey(this, 'TablesKey', { stage, description: 'snowops tables: registry (phone numbers), operations, response log' });
    const messagingKey = new CustomerManagedKey(this, 'MessagingKey', { stage, description: 'snowops SMS replies topic and dead-letter queues' });

    this.tables = new SnowopsTables(this, 'Tables', { stage, encryptionKey: tablesKey });
    this.poller = new ForecastPoller(this, 'ForecastPoller', { stage, tables: this.tables, sms: props.sms, openMeteoBaseUrl: props.openMeteoBaseUrl });
    this.inbound = new SmsInbound(this, 'SmsInbound', { stage, tables: this.tables, messagingKey, sms: props.sms });

    new CfnOutput(this, 'InboundRepliesTopicArn', {
      description: 'Set as the two-way SMS destination of the origination number in End User Messaging SMS',
      value: this.inbound.topic.topicArn,
    });
  }
}
