import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC } from '../../functions/config/metrics.ts';
import type { ActivationBudget } from '../config/smsConfigSchema.ts';
import { snowopsMetric } from './snowopsMetric.ts';

export interface ThresholdAlarmProps {
  metric: IMetric;
  /** Fires when the metric is above this (strictly). */
  threshold: number;
  /** What it means and what to do: operators read this in the notification. */
  description: string;
  evaluationPeriods?: number;
  /** Default: no data is fine (nothing happened). Say BREACHING when silence itself is the problem. */
  treatMissingData?: TreatMissingData;
}

/**
 * The stack's alarms beyond those every SnowopsFunction and AlarmedDeadLetterQueue make for themselves.
 * Each is one call; RouteAlarmsToOperators sends them all to the operators' topic.
 */
export class OperatorAlarms extends Construct {
  /** Any alarm: metric above a threshold. */
  above(id: string, props: ThresholdAlarmProps): Alarm {
    return new Alarm(this, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      treatMissingData: props.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
  }

  /**
   * A zone's providers have all failed for longer than the plan's staleAfterMinutes (core decides, from
   * the registry's plan, and also texts the duty officer); also fires when the poller stops reporting.
   */
  staleForecast(): Alarm {
    return this.above('StaleForecast', {
      metric: snowopsMetric(this, METRIC.staleZones, { statistic: 'Maximum', period: Duration.minutes(15) }),
      threshold: 0,
      description: 'A zone has had no usable forecast for longer than the plan allows (every provider failed), or the poller stopped reporting. Levels are held, so a storm may go unnoticed: check the forecast-poller log (forecast.failed entries name the provider and its words) and watch the weather by hand.',
      // Missing data means the poller did not run or could not report: as stale as it gets.
      treatMissingData: TreatMissingData.BREACHING,
    });
  }

  /** An SMS (tasking, reply or proposal) that the stage's SMS provider refused. */
  smsFailures(): Alarm {
    return this.above('SmsFailures', {
      metric: snowopsMetric(this, METRIC.smsFailed),
      threshold: 0,
      description: 'An SMS could not be sent: the SMS provider refused it (SNS: opted out, invalid number, throttled or over the spend limit; Alibaba Cloud: blacklisted number, template not approved, daily limit). The response log has sms.failed with the reason; the crew leader must be phoned or the tasking re-sent.',
    });
  }

  /** A reply SMS to a crew leader exhausted its retries (taskings dead-letter to the dispatch queue's DLQ instead). */
  smsDeadLettered(): Alarm {
    return this.above('SmsDeadLettered', {
      metric: snowopsMetric(this, METRIC.smsDeadLettered),
      threshold: 0,
      description: 'An SMS reply to a crew leader could not be sent after every retry. The response log has sms.dead-lettered with the masked number and the reason; phone the leader.',
    });
  }

  /** The escalator handed an unanswered tasking to the duty officer. */
  dutyOfficerEscalations(): Alarm {
    return this.above('DutyOfficerEscalations', {
      metric: snowopsMetric(this, METRIC.dutyOfficerEscalations),
      threshold: 0,
      description: 'A tasking went unacknowledged by the crew leader and the backup and was escalated to the duty officer, who must now phone the crew. The response log of the activation has the escalation.',
    });
  }

  /**
   * More SMS segments than one activation's budget sent within a window sized to an activation, beside
   * the monthly spend alarm (which fires only when most of the month's money is gone). A per-activation
   * dimension would need an alarm per activation, so this sums the stage's SmsSegments (every sender:
   * taskings, replies, proposals, escalations, citizens) over one period of windowHours. CloudWatch's
   * periods are fixed, not rolling: an activation spanning two periods has its segments split between them.
   */
  activationSmsBudget(budget: ActivationBudget): Alarm {
    return this.above('ActivationSmsBudget', {
      metric: snowopsMetric(this, METRIC.smsSegments, { statistic: 'Sum', period: Duration.hours(budget.windowHours) }),
      threshold: budget.segments,
      description: `More than ${budget.segments} SMS segments were sent within ${budget.windowHours} h, the budget of one activation (sms.activationBudget). A stuck phone, a loop or an oversized wave may be spending the month's SMS limit: read the response log's sms.sent entries of the activation, and stop what should not be sending.`,
    });
  }

  /** Messages waiting longer than they should in a work queue (not a dead-letter queue: those alarm on their own). */
  queueBacklog(id: string, queue: IQueue, maxAgeMinutes: number, description: string): Alarm {
    return this.above(`${queue.node.id}${id}`, {
      metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: maxAgeMinutes * 60,
      evaluationPeriods: 2,
      description,
    });
  }
}
