import { randomUUID } from 'node:crypto';

/**
 * Conditional writes carry a fresh `writeId`. When a write lands and its answer is lost (a timeout), the
 * SDK sends the same request again and DynamoDB refuses it because of the first one: asked for the old item
 * (ReturnValuesOnConditionCheckFailure ALL_OLD), the refusal shows our own writeId, and the write counts as done.
 */
export function newWriteId(): string {
  return randomUUID();
}

/** Whether a condition failure was caused by this very write, landed on an earlier try. */
export function landedEarlier(error: unknown, writeId: string): boolean {
  const item = (error as { Item?: Record<string, unknown> } | undefined)?.Item;
  const stored = item?.writeId as { S?: string } | string | undefined;
  return (typeof stored === 'string' ? stored : stored?.S) === writeId;
}
