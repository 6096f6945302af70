import { Aws, Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { Stage } from '../config/Stage.ts';
import { grantCoreTables } from '../functions/grantCoreTables.ts';
import { grantSmsToPhoneNumbers } from '../messaging/grantSmsToPhoneNumbers.ts';
import { smsEnvironment, type SmsSettings } from '../messaging/SmsSettings.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/** How often the city's forecast is checked between storms (DESIGN.md, The loop). */
export const POLL_INTERVAL = Duration.minutes(15);

export interface ForecastPollerProps {
  stage: Stage;
  tables: SnowopsTables;
  sms?: SmsSettings;
  /** Defaults, in the handler's env schema, to the public Open-Meteo API. */
  openMeteoBaseUrl?: string;
}

/** The forecast-poller Lambda and the schedule that runs it. */
export class ForecastPoller extends Construct {
  readonly function: SnowopsFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ForecastPollerProps) {
    super(scope, id);
    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'forecastPoller.ts',
      description: 'Polls the forecast for every zone, evaluates the plan, activates and dispatches the first wave',
      stage: props.stage,
      // Each zone waits up to 10 s per provider, then the first wave of SMS goes out one by one.
      timeout: Duration.minutes(2),
      environment: {
        ...(props.openMeteoBaseUrl ? { OPEN_METEO_BASE_URL: props.openMeteoBaseUrl } : {}),
        ...smsEnvironment(props.sms),
      },
    });
    grantCoreTables(this.function, props.tables);
    // pollAndDispatch sends the first wave of taskings itself when it activates a plan.
    grantSmsToPhoneNumbers(this.function);

    // Our own role rather than the stack-wide one Scheduler targets share, so that this schedule can
    // reach this function only, and the acknowledgement below sits next to the grant it is about.
    const scheduleRole = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
      description: 'snowops: the forecast-poller schedule invokes the poller',
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'forecast-poller tick',
      schedule: ScheduleExpression.rate(POLL_INTERVAL),
      target: new LambdaInvoke(this.function, {
        role: scheduleRole,
        // A tick that could not be delivered within one interval is superseded by the next one; the
        // scheduler's default (185 retries over 24 h) would replay stale polls after an outage.
        retryAttempts: 2,
        maxEventAge: POLL_INTERVAL,
      }),
    });
    // After the schedule: its target adds the grant (and the role's policy) when it binds.
    NagSuppressions.addResourceSuppressions(scheduleRole, [{
      id: 'AwsSolutions-IAM5',
      reason: "CDK's grantInvoke adds '<function ARN>:*' (its versions and aliases) next to the function ARN; it is this one function, and the schedule calls the unqualified ARN.",
      appliesTo: [{ regex: '/^Resource::<ForecastPollerFunction[0-9A-F]+\\.Arn>:\\*$/g' }],
    }], true);
  }
}
