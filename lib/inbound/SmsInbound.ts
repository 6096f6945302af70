import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import type { Stage } from '../config/Stage.ts';
import { CITIZEN_TABLE } from '../../functions/config/tables.ts';
import { grantCoreTables } from '../functions/grantCoreTables.ts';
import { AlarmedDeadLetterQueue } from '../messaging/AlarmedDeadLetterQueue.ts';
import { InboundRepliesTopic } from '../messaging/InboundRepliesTopic.ts';
import { wireSms, type SmsWiring } from '../messaging/SmsWiring.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

export interface SmsInboundProps {
  stage: Stage;
  tables: SnowopsTables;
  /** Encrypts the topic and both dead-letter queues: all of them hold phone numbers. */
  messagingKey: IKey;
  /** SNS only: this is the End User Messaging SMS two-way path (Alibaba Cloud's replies arrive at lib/inbound/AliyunCallbacks.ts). */
  sms: Extract<SmsWiring, { provider: 'sns' }>;
}

/**
 * Two-way SMS: End User Messaging SMS -> inbound topic -> sms-inbound Lambda, which applies each reply
 * to the sender's own tasks and may answer with a help SMS.
 *
 * A reply can be lost at two points, and each has its own dead-letter queue, because their messages
 * differ: SNS failing to invoke the Lambda leaves the SNS message; the Lambda failing after its async
 * retries leaves a destination record with the event and the error.
 */
export class SmsInbound extends Construct {
  readonly topic: InboundRepliesTopic;
  readonly function: SnowopsFunction;
  readonly deliveryDeadLetters: AlarmedDeadLetterQueue;
  readonly failureDeadLetters: AlarmedDeadLetterQueue;

  constructor(scope: Construct, id: string, props: SmsInboundProps) {
    super(scope, id);
    this.topic = new InboundRepliesTopic(this, 'Topic', { key: props.messagingKey });
    this.deliveryDeadLetters = new AlarmedDeadLetterQueue(this, 'DeliveryDeadLetters', {
      key: props.messagingKey,
      meaning: 'A crew leader SMS reply could not be delivered from the inbound topic to sms-inbound. Fix the cause, then replay the SNS messages to the function.',
    });
    this.failureDeadLetters = new AlarmedDeadLetterQueue(this, 'FailureDeadLetters', {
      key: props.messagingKey,
      meaning: 'sms-inbound failed on a crew leader SMS reply after its retries. The record holds the event and the error; fix the cause, then replay the event.',
    });
    // SNS, not the Lambda, writes to the delivery DLQ, so SNS needs the queue's key. The queue policy
    // CDK adds lets only this topic send there, which is what keeps other topics out.
    props.messagingKey.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('sns.amazonaws.com')],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
    }));

    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'smsInbound.ts',
      description: 'Applies crew leaders\' SMS replies (1 ack, 2 on site, 3 done, 9 cannot) to their tasks',
      stage: props.stage,
      timeout: Duration.seconds(30),
      smsProvider: 'sns',
    });
    grantCoreTables(this.function, props.tables);
    // A crew's "3 done" or "9 cannot" to a citizen case's task moves the case on at once.
    this.function.grantTable(props.tables.get(CITIZEN_TABLE), CITIZEN_TABLE.envVar, 'readWrite');
    // An unknown reply gets a short help SMS back (DESIGN.md, Failure rules).
    // The handler sends through buildMessaging, which checks opt-outs before it sends.
    wireSms(this.function, props.sms, { checksOptOuts: true });
    this.function.configureAsyncInvoke({
      onFailure: new SqsDestination(this.failureDeadLetters.queue),
      retryAttempts: 2,
    });
    this.function.addEventSource(new SnsEventSource(this.topic, { deadLetterQueue: this.deliveryDeadLetters.queue }));
  }
}
