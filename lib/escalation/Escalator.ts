import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Schedule } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import type { Stage } from '../config/Stage.ts';
import { grantCoreTables } from '../functions/grantCoreTables.ts';
import { AlarmedDeadLetterQueue } from '../messaging/AlarmedDeadLetterQueue.ts';
import { wireSms, type SmsWiring } from '../messaging/SmsWiring.ts';
import { ScheduledInvocation } from '../scheduling/ScheduledInvocation.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/** Escalation steps are 10 to 30 minutes apart (EscalationPolicy); a sweep a minute keeps each within a minute of its due time. */
export const SWEEP_INTERVAL = Duration.minutes(1);

export interface EscalatorProps {
  stage: Stage;
  tables: SnowopsTables;
  /** Encrypts the sweeps' dead-letter queue. */
  messagingKey: IKey;
  sms: SmsWiring;
}

/**
 * The escalator: a sweep every minute that moves each unanswered tasking one step up the ladder
 * (resend, backup leader, duty officer), read from the due index. Reserved concurrency 1, for the
 * same reason as the dispatcher (the SMS pace lives in the container), and so that two sweeps never
 * race for the same cases. A sweep that fails, or cannot start for five minutes, lands in an alarmed
 * dead-letter queue; the next sweep picks up what it left.
 */
export class Escalator extends Construct {
  readonly function: SnowopsFunction;
  readonly deadLetters: AlarmedDeadLetterQueue;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: EscalatorProps) {
    super(scope, id);
    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'escalator.ts',
      description: 'Sweeps unacknowledged taskings every minute: resend, then the backup leader, then the duty officer',
      stage: props.stage,
      // A sweep takes at most 200 due cases (sweepEscalations); at 20 SMS parts a second that is well under a minute.
      timeout: Duration.minutes(2),
      reservedConcurrentExecutions: 1,
      smsProvider: props.sms.provider,
    });
    grantCoreTables(this.function, props.tables);
    wireSms(this.function, props.sms, { checksOptOuts: true });
    this.deadLetters = new AlarmedDeadLetterQueue(this, 'DeadLetters', {
      key: props.messagingKey,
      meaning: 'An escalation sweep failed (an SMS exhausted its retries, or an error), or could not start for 5 minutes because sweeps run longer than their interval. Unanswered taskings may not be moving up the ladder: read the escalator log; the next sweep retries by itself.',
    });
    this.schedule = new ScheduledInvocation(this, 'Tick', {
      function: this.function,
      rate: SWEEP_INTERVAL,
      description: 'escalator sweep',
      deadLetters: this.deadLetters,
      startWithin: Duration.minutes(5),
    }).schedule;
  }
}
