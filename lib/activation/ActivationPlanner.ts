import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import type { Stage } from '../config/Stage.ts';
import { grantCoreTables } from '../functions/grantCoreTables.ts';
import { wireSmsPace, type SmsWiring } from '../messaging/SmsWiring.ts';
import { WorkQueue } from '../messaging/WorkQueue.ts';
import type { OperatorAlarms } from '../observability/OperatorAlarms.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/**
 * Lambda's longest: booking a 50,000-road city's first wave took ~135 s on DynamoDB Local (issue 16), so
 * 15 minutes leaves room for a slow day. The poller's resumePlanning waits longer than this before it
 * finishes a wave itself (functions/core/activation/resumePlanning.ts, PLANNING_RUN_MS).
 */
export const PLANNING_TIMEOUT = Duration.minutes(15);
/**
 * Twice the timeout: a delivery whose run died (a crash, the timeout) comes back after half an hour,
 * and resumes the wave where the bookings stop (bookings left incomplete are older than the 15 minutes
 * after which planAndBook undoes them). Lambda's advice of six times is for throttled consumers; this one
 * has no reserved concurrency.
 */
export const PLANNING_VISIBILITY = Duration.minutes(PLANNING_TIMEOUT.toMinutes() * 2);

export interface ActivationPlannerProps {
  stage: Stage;
  tables: SnowopsTables;
  /** Encrypts the queue and its dead-letter queue. */
  messagingKey: IKey;
  alarms: OperatorAlarms;
  /** The stage's SMS wiring: only its pace is given (the planner says how long a wave takes to send; it texts nobody). */
  sms: SmsWiring;
}

/**
 * The planning queue and the activation planner Lambda that works from it: the poller's activation or
 * upgrade, and an officer's (which answers 202 at once), puts its wave here; the planner plans and books it (tier 1 first),
 * records each phase on the activation, and hands the wave to the dispatch queue (the stack grants it).
 */
export class ActivationPlanner extends Construct {
  readonly function: SnowopsFunction;
  readonly requests: WorkQueue;

  constructor(scope: Construct, id: string, props: ActivationPlannerProps) {
    super(scope, id);
    this.requests = new WorkQueue(this, 'Requests', {
      key: props.messagingKey,
      visibilityTimeout: PLANNING_VISIBILITY,
      maxReceiveCount: 3,
      deadLetterMeaning: 'An activation or upgrade could not be planned after 3 deliveries (the planner kept failing on it, or the request is unreadable). The message names the activation and wave; the planner log has the error. The poller resumes an unplanned wave of an open activation by itself: check that it did (GET /activations/{id} shows the progress).',
      alarms: props.alarms,
      maxAgeMinutes: 5,
      backlogAlarmId: 'PlanningBacklog',
      backlogMeaning: 'An activation or upgrade (the poller\'s or an officer\'s) has waited more than 5 minutes to be planned: the activation planner is failing (its errors alarm) or throttled. The duty officer sees the activation still planning.',
    });

    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'activationPlanner.ts',
      description: 'Plans and books the wave of an activation or upgrade (the poller\'s or an officer\'s) from the planning queue, then queues it for the dispatcher',
      stage: props.stage,
      timeout: PLANNING_TIMEOUT,
      // The planner holds the city's model in memory, and a bigger Lambda gets a bigger share of a CPU to think with.
      memorySize: 2048,
    });
    grantCoreTables(this.function, props.tables);
    wireSmsPace(this.function, props.sms);
    this.function.addEventSource(new SqsEventSource(this.requests.queue, {
      // One wave per invocation: a wave is the unit that succeeds or is redelivered.
      batchSize: 1,
      reportBatchItemFailures: true,
    }));
  }

  /** Lets `fn` hand waves to the planner: send to the queue, and PLANNING_QUEUE_URL (functions/config/lambdaEnv.ts). */
  grantRequests(fn: SnowopsFunction): void {
    this.requests.queue.grantSendMessages(fn);
    fn.addEnvironment('PLANNING_QUEUE_URL', this.requests.queue.queueUrl);
  }
}
