import { Duration } from 'aws-cdk-lib';
import type { Schedule } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import type { Stage } from '../config/Stage.ts';
import { grantCoreTables } from '../functions/grantCoreTables.ts';
import { wireSms, type SmsWiring } from '../messaging/SmsWiring.ts';
import { ScheduledInvocation } from '../scheduling/ScheduledInvocation.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/** How often the city's forecast is checked between storms (DESIGN.md, The loop). */
export const POLL_INTERVAL = Duration.minutes(15);

export interface ForecastPollerProps {
  stage: Stage;
  tables: SnowopsTables;
  sms: SmsWiring;
  /** Defaults, in the handler's env schema, to the public Open-Meteo API. */
  openMeteoBaseUrl?: string;
}

/** The forecast-poller Lambda and the schedule that runs it (the stack lets it hand waves to the ActivationPlanner and the Dispatcher). */
export class ForecastPoller extends Construct {
  readonly function: SnowopsFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ForecastPollerProps) {
    super(scope, id);
    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'forecastPoller.ts',
      description: 'Polls the forecast for every zone, evaluates the plan, activates or upgrades and queues the wave for the activation planner',
      stage: props.stage,
      // Each zone waits up to 10 s per provider; the wave itself is the activation planner's (the stack grants the queue).
      timeout: Duration.minutes(2),
      // One poll at a time: two at once (a tick delivered twice) would both read the same zone states and
      // text the duty officer the same proposal or alarm twice; a second tick waits for the first.
      reservedConcurrentExecutions: 1,
      environment: props.openMeteoBaseUrl ? { OPEN_METEO_BASE_URL: props.openMeteoBaseUrl } : {},
      smsProvider: props.sms.provider,
    });
    grantCoreTables(this.function, props.tables);
    // The duty officer's notices (a proposed activation, a stale forecast) are texted from the poll itself.
    wireSms(this.function, props.sms);

    this.schedule = new ScheduledInvocation(this, 'Tick', { function: this.function, rate: POLL_INTERVAL, description: 'forecast-poller tick' }).schedule;
  }
}
