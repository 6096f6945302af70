import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import type { Stage } from '../config/Stage.ts';
import { grantCoreTables } from '../functions/grantCoreTables.ts';
import { wireSms, type SmsWiring } from '../messaging/SmsWiring.ts';
import { WorkQueue } from '../messaging/WorkQueue.ts';
import type { OperatorAlarms } from '../observability/OperatorAlarms.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/** A wave of 1,000 leaders at 20 SMS parts a second takes under two minutes; an unfinished wave resumes on redelivery. */
export const DISPATCH_TIMEOUT = Duration.minutes(5);
/** Lambda's guidance for SQS sources: six times the timeout, so a throttled or retried batch is not redelivered while it runs. */
export const DISPATCH_VISIBILITY = Duration.minutes(DISPATCH_TIMEOUT.toMinutes() * 6);

export interface DispatcherProps {
  stage: Stage;
  tables: SnowopsTables;
  /** Encrypts the queue and its dead-letter queue. */
  messagingKey: IKey;
  alarms: OperatorAlarms;
  sms: SmsWiring;
}

/**
 * The dispatch queue and the dispatcher Lambda that works from it: small batches of booked teams as the
 * first wave is booked (streamed), and one message per wave (from the poller's activations and upgrades and
 * from an officer's activation, the safety net), sent one SMS per crew leader with the exactly-once guard,
 * the account's pace and retries.
 *
 * Reserved concurrency 1: the pace (SMS parts per second) is a token bucket in the container, so two
 * containers would send at twice the account's throughput and be throttled. Waves therefore run one
 * after another; the backlog alarm says when they queue up for too long.
 */
export class Dispatcher extends Construct {
  readonly function: SnowopsFunction;
  readonly requests: WorkQueue;

  constructor(scope: Construct, id: string, props: DispatcherProps) {
    super(scope, id);
    this.requests = new WorkQueue(this, 'Requests', {
      key: props.messagingKey,
      visibilityTimeout: DISPATCH_VISIBILITY,
      // Above Lambda's minimum advice of 5 for a source whose function has reserved concurrency: a
      // delivery throttled behind a running wave counts as a receive without the wave being tried.
      maxReceiveCount: 5,
      deadLetterMeaning: 'A wave of tasking SMS could not be dispatched after 5 deliveries (the dispatcher kept failing on it, or the request is unreadable). The message names the activation; the dispatcher log has the error. Crews of that wave may have no tasking: fix the cause, then redrive the message to the dispatch queue (sent taskings are not sent again).',
      alarms: props.alarms,
      maxAgeMinutes: 10,
      backlogMeaning: 'A wave of tasking SMS has waited more than 10 minutes to be dispatched: the dispatcher is failing (its errors alarm), throttled, or working through many waves one at a time. Crews are waiting for their tasking.',
    });

    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'dispatcher.ts',
      description: 'Sends each wave of tasking SMS from the dispatch queue, one per crew leader, exactly once, at the SMS pace',
      stage: props.stage,
      timeout: DISPATCH_TIMEOUT,
      reservedConcurrentExecutions: 1,
      smsProvider: props.sms.provider,
    });
    grantCoreTables(this.function, props.tables);
    // dispatchWave prefetches the opt-out list for a big wave (buildMessaging's SnsOptOutChecker).
    wireSms(this.function, props.sms, { checksOptOuts: true });
    this.function.addEventSource(new SqsEventSource(this.requests.queue, {
      // Streamed teams arrive as many small messages: up to 10 per invocation, so that the pool is full while
      // the first wave is being booked (the handler texts a batch's teams together; each record succeeds or is redelivered).
      batchSize: 10,
      reportBatchItemFailures: true,
      // The least SQS allows; with reserved concurrency 1, more pollers would only be throttled.
      maxConcurrency: 2,
    }));
  }

  /** Lets `fn` hand waves to the dispatcher: send to the queue, and DISPATCH_QUEUE_URL (functions/config/lambdaEnv.ts). */
  grantRequests(fn: SnowopsFunction): void {
    this.requests.queue.grantSendMessages(fn);
    fn.addEnvironment('DISPATCH_QUEUE_URL', this.requests.queue.queueUrl);
  }
}
