import { Aws, Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { AlarmedDeadLetterQueue } from '../messaging/AlarmedDeadLetterQueue.ts';
import type { SnowopsFunction } from '../SnowopsFunction.ts';

export interface ScheduledInvocationProps {
  function: SnowopsFunction;
  rate: Duration;
  description: string;
  /**
   * Where a tick goes that the scheduler could not deliver, that the function failed on, or that could
   * not start within `startWithin` (it alarms by itself). A failed tick is not retried: the next tick is.
   */
  deadLetters?: AlarmedDeadLetterQueue;
  /**
   * With deadLetters: how long a tick may wait to start, e.g. behind a run that holds the function's only
   * reserved instance, before it is dead-lettered. Default: five intervals.
   */
  startWithin?: Duration;
}

/**
 * An EventBridge Scheduler schedule that invokes one SnowopsFunction at a fixed rate, with a role of its
 * own (this account's scheduler only; invoke this function, and send to its dead-letter queue if any),
 * and the cdk-nag acknowledgements for the wildcards CDK's grants put on that role.
 */
export class ScheduledInvocation extends Construct {
  readonly schedule: Schedule;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ScheduledInvocationProps) {
    super(scope, id);
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
      description: `snowops: ${props.description}`,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: ScheduleExpression.rate(props.rate),
      target: new LambdaInvoke(props.function, {
        role: this.role,
        // A tick that could not be delivered within one interval is superseded by the next one; the
        // scheduler's default (185 retries over 24 h) would replay stale ticks after an outage.
        retryAttempts: 2,
        maxEventAge: props.rate,
        ...(props.deadLetters ? { deadLetterQueue: props.deadLetters.queue } : {}),
      }),
    });
    if (props.deadLetters) {
      // The scheduler invokes asynchronously: its dead-letter queue only gets ticks it could not hand to
      // Lambda. What the function then fails on, or cannot start in time, needs Lambda's on-failure destination.
      props.function.configureAsyncInvoke({
        onFailure: new SqsDestination(props.deadLetters.queue),
        retryAttempts: 0,
        maxEventAge: props.startWithin ?? Duration.seconds(Math.max(60, props.rate.toSeconds() * 5)),
      });
    }
    // After the schedule: its target adds the grants (and the role's policy) when it binds.
    NagSuppressions.addResourceSuppressions(this.role, [
      {
        id: 'AwsSolutions-IAM5',
        reason: "CDK's grantInvoke adds '<function ARN>:*' (the function's versions and aliases) next to the function ARN; this role's only invoke grant is on the one function this schedule calls, unqualified.",
        appliesTo: [{ regex: '/^Resource::<[A-Za-z0-9]+\\.Arn>:\\*$/g' }],
      },
      ...(props.deadLetters ? [{
        id: 'AwsSolutions-IAM5',
        reason: "CDK's grant to send to the KMS-encrypted dead-letter queue names kms:GenerateDataKey* / kms:ReEncrypt*; the resource is that queue's customer-managed key only.",
        appliesTo: ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
      }] : []),
    ], true);
  }
}
