import type { DeadLetter, DeadLetterQueue } from '../../core/ports/DeadLetterQueue.ts';

/**
 * Dead letters for an SQS-triggered Lambda without an SQS client: letters raised while one record is
 * handled make that record a batch item failure, so SQS redelivers it (completed attempts are no-ops
 * thanks to the attempt guard) and, after the queue's maxReceiveCount, moves it to the dead-letter
 * queue the stack wires with an alarm. The letters themselves are also in the response log.
 */
export class BatchFailureDeadLetters implements DeadLetterQueue {
  private current: DeadLetter[] = [];

  async send(letter: DeadLetter): Promise<void> {
    this.current.push(letter);
  }

  /** Starts a record; returns the letters the previous one raised. */
  take(): DeadLetter[] {
    const letters = this.current;
    this.current = [];
    return letters;
  }
}
