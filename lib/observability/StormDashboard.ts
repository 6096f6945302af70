import { Duration } from 'aws-cdk-lib';
import { AlarmStatusWidget, Dashboard, GraphWidget, GraphWidgetView, TextWidget, type IAlarm, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { DIMENSION, METRIC } from '../../functions/config/metrics.ts';
import { TASK_STATES } from '../../functions/core/operations/Task.ts';
import type { ReplyOutcome } from '../../functions/core/replies/handleReply.ts';
import type { DeployConfig } from '../config/deployConfigSchema.ts';
import { snowopsMetric } from './snowopsMetric.ts';

/** Every reply outcome; the Record makes the compiler name any outcome core adds and this list lacks. */
const REPLY_OUTCOMES = Object.keys({
  applied: true, help: true, 'unknown-reply': true, 'not-applicable': true, stop: true, 'unknown-sender': true, duplicate: true,
} satisfies Record<ReplyOutcome, true>);

export interface StormDashboardProps {
  city: DeployConfig['city'];
  alarms: IAlarm[];
}

/**
 * A storm at a glance, from the Lambdas' EMF metrics: the level of each zone (from the config's zone
 * list), tasks entering each state, SMS sent / failed / segments, time to acknowledge, replies, and
 * every alarm. No dashboard name: CloudFormation makes one, so stages never collide.
 */
export class StormDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: StormDashboardProps) {
    super(scope, id);
    const { city } = props;
    const m = (metric: Parameters<typeof snowopsMetric>[1], options: Parameters<typeof snowopsMetric>[2] = {}) => snowopsMetric(this, metric, options);
    const widgets: IWidget[][] = [
      [new TextWidget({ markdown: `# ${city.name}: snow response\nPlan **${city.planId}**, ${city.zones.length} zones. Levels: 0 none, 1 IV blue, 2 III yellow, 3 II orange, 4 I red.`, width: 24, height: 2 })],
      [
        new GraphWidget({
          title: 'Response level per zone',
          left: city.zones.map((zone) => m(METRIC.zoneLevel, { statistic: 'Maximum', period: Duration.minutes(15), dimension: { name: DIMENSION.zone, value: zone.id }, label: zone.name })),
          leftYAxis: { min: 0, max: 4 },
          width: 12,
        }),
        new GraphWidget({
          title: 'Forecast: age of the oldest zone forecast (min), stale zones, provider failures',
          left: [m(METRIC.forecastAgeMinutes, { statistic: 'Maximum', period: Duration.minutes(15), label: 'oldest forecast, minutes' })],
          right: [
            m(METRIC.staleZones, { statistic: 'Maximum', period: Duration.minutes(15), label: 'stale zones' }),
            ...city.providers.map((provider) => m(METRIC.providerFailures, { dimension: { name: DIMENSION.provider, value: provider }, label: `${provider} failures` })),
          ],
          width: 12,
        }),
      ],
      [
        new GraphWidget({
          title: 'Tasks entering each state',
          left: TASK_STATES.map((state) => m(METRIC.taskTransitions, { dimension: { name: DIMENSION.state, value: state }, label: state })),
          stacked: true,
          width: 12,
        }),
        new GraphWidget({
          title: 'SMS: sent, failed, segments',
          left: [m(METRIC.smsSent, { label: 'sent' }), m(METRIC.smsFailed, { label: 'failed' }), m(METRIC.smsDeadLettered, { label: 'dead-lettered' })],
          right: [m(METRIC.smsSegments, { label: 'segments (billed)' })],
          width: 12,
        }),
      ],
      [
        new GraphWidget({
          title: 'Time to acknowledge (seconds from dispatch)',
          left: ['p50', 'p90', 'Maximum'].map((statistic) => m(METRIC.timeToAcknowledge, { statistic, label: statistic })),
          width: 12,
        }),
        new GraphWidget({
          title: 'Replies and escalations',
          left: REPLY_OUTCOMES.map((outcome) => m(METRIC.replies, { dimension: { name: DIMENSION.outcome, value: outcome }, label: outcome })),
          right: [m(METRIC.dutyOfficerEscalations, { label: 'to the duty officer' }), m(METRIC.activations, { label: 'activations' })],
          view: GraphWidgetView.TIME_SERIES,
          width: 12,
        }),
      ],
      [new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24 })],
    ];
    this.dashboard = new Dashboard(this, 'Dashboard', { widgets, defaultInterval: Duration.hours(24) });
  }
}
