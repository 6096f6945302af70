import { appendFile } from 'node:fs/promises';
import type { DeadLetter, DeadLetterQueue } from '../../core/ports/DeadLetterQueue.ts';

/** Local dead-letter queue: one JSON line per letter in a file a person can read. */
export class JsonlDeadLetterQueue implements DeadLetterQueue {
  readonly letters: DeadLetter[] = [];

  constructor(readonly file: string) {}

  async send(letter: DeadLetter): Promise<void> {
    await appendFile(this.file, `${JSON.stringify(letter)}\n`, 'utf8');
    this.letters.push(letter);
  }
}
