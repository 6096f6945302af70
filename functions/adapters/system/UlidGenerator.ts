import { monotonicFactory } from 'ulid';
import type { IdGenerator } from '../../core/ports/IdGenerator.ts';

/** ULIDs: unique and sortable by creation time. */
export class UlidGenerator implements IdGenerator {
  private readonly ulid = monotonicFactory();
  next(): string {
    return this.ulid();
  }
}
