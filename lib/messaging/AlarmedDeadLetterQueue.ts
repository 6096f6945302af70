import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

export interface AlarmedDeadLetterQueueProps {
  key: IKey;
  /** What a message in this queue means and what to do about it: becomes the alarm description. */
  meaning: string;
}

/**
 * A dead-letter queue that is never silently full: one message in it is one crew leader's reply (or
 * one tasking) the system did not act on, so the alarm fires on the first message, not on a backlog.
 */
export class AlarmedDeadLetterQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: AlarmedDeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      // The longest SQS allows: time for someone to come back from a storm shift and replay it.
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
    });
    NagSuppressions.addResourceSuppressions(this.queue, [{
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is a dead-letter queue (of an SNS subscription or a Lambda on-failure destination, which cdk-nag does not count as DLQ use). A DLQ of a DLQ would only move the problem; the alarm below fires on its first message.',
    }]);
    this.alarm = new Alarm(this, 'NotEmpty', {
      alarmDescription: props.meaning,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // SQS publishes no datapoints for an idle queue; no data means empty, not broken.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
