/**
 * The business metrics the Lambdas emit (EMF, through Powertools Metrics) and the stack alarms on and
 * graphs: defined once, like the tables, so a renamed metric cannot leave an alarm watching nothing.
 *
 * Every metric carries one dimension, `service` = the stack name (SNOWOPS_DEPLOYMENT), so two stages
 * or two copies of a stage in one account never mix; some carry one more (Zone, State, Outcome, Provider).
 */
export const METRICS_NAMESPACE = 'snowops';

/** The dimension every metric has; its value is the deployment (stack) name. */
export const DEPLOYMENT_DIMENSION = 'service';

export const METRIC = {
  /** One per forecast-poller run. */
  polls: 'Polls',
  /** A provider that failed for a zone (the next one is tried). Dimension Provider. */
  providerFailures: 'ProviderFailures',
  /** Minutes since the oldest zone's last good forecast (0 when every zone polled well). */
  forecastAgeMinutes: 'OldestForecastAgeMinutes',
  /** Zones whose providers have all failed for longer than the plan's staleAfterMinutes (core's judgement). The stale-forecast alarm. */
  staleZones: 'StaleForecastZones',
  /** A zone's level after a poll, none = 0 … I = 4. Dimension Zone. */
  zoneLevel: 'ZoneLevel',
  /** A zone whose level changed. */
  levelChanges: 'LevelChanges',
  activations: 'Activations',
  proposals: 'ActivationProposals',
  /** A task entering a state (planned when booked). Dimension State. */
  taskTransitions: 'TaskTransitions',
  smsSent: 'SmsSent',
  smsFailed: 'SmsFailed',
  smsSegments: 'SmsSegments',
  /** An SMS that exhausted its retries outside a queue (a reply to a crew leader): in the response log, and alarmed. */
  smsDeadLettered: 'SmsDeadLettered',
  /** Seconds from a task's dispatch to the crew leader's first confirming reply. */
  timeToAcknowledge: 'TimeToAcknowledge',
  /** An inbound SMS by what became of it. Dimension Outcome. */
  replies: 'Replies',
  /** A crew leader's STOP: the duty officer must phone them. */
  optOuts: 'SmsOptOuts',
  /** Tasking that went unanswered up to the duty officer (the escalator's sweep summary). */
  dutyOfficerEscalations: 'DutyOfficerEscalations',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export const DIMENSION = { zone: 'Zone', state: 'State', outcome: 'Outcome', provider: 'Provider' } as const;

/**
 * Response-log actions counted as metrics, whichever Lambda appends them: every step appends to the
 * log (DESIGN.md), so a new Lambda's steps are counted without code of its own. Escalations to the duty
 * officer are counted from the escalator's sweep summary instead (METRIC.dutyOfficerEscalations).
 */
export const LOG_ACTION_METRICS: Readonly<Record<string, MetricName>> = {
  'forecast.level-changed': METRIC.levelChanges,
  'activation.opened': METRIC.activations,
  'activation.proposed': METRIC.proposals,
  'reply.stop': METRIC.optOuts,
};
