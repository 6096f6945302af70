import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { OperatorAlarms } from '../observability/OperatorAlarms.ts';
import { AlarmedDeadLetterQueue } from './AlarmedDeadLetterQueue.ts';

export interface WorkQueueProps {
  /** Customer-managed: the messages name crews and activations. */
  key: IKey;
  /** At least six times the consumer's timeout (Lambda's guidance for SQS event sources). */
  visibilityTimeout: Duration;
  /** Deliveries before a message is dead-lettered. */
  maxReceiveCount?: number;
  /** What a dead-lettered message means and what to do: the dead-letter alarm's description. */
  deadLetterMeaning: string;
  alarms: OperatorAlarms;
  /** The backlog alarm fires when the oldest message has waited this long. */
  maxAgeMinutes: number;
  backlogMeaning: string;
  /** Names the backlog alarm among the stack's alarms (all are in one construct); one per work queue. */
  backlogAlarmId?: string;
}

/**
 * A queue a Lambda works from (e.g. the dispatch queue), in one call: KMS-encrypted, TLS only, an
 * alarmed dead-letter queue, and an alarm when work waits too long. Both alarms reach the operators.
 */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: AlarmedDeadLetterQueue;
  readonly backlogAlarm: Alarm;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.deadLetters = new AlarmedDeadLetterQueue(this, 'DeadLetters', { key: props.key, meaning: props.deadLetterMeaning });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters.queue, maxReceiveCount: props.maxReceiveCount ?? 3 },
    });
    this.backlogAlarm = props.alarms.queueBacklog(props.backlogAlarmId ?? 'Backlog', this.queue, props.maxAgeMinutes, props.backlogMeaning);
  }
}
