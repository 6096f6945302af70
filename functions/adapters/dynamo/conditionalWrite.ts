import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { landedEarlier, newWriteId } from './writeId.ts';

/** DynamoDB refuses transactions of more than 100 items. */
export const MAX_TRANSACTION_ITEMS = 100;
/** Retries of a transaction cancelled only because another transaction held the same items. */
const CONFLICT_RETRIES = 6;

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
type PutItem = { Put: NonNullable<TransactItem['Put']> };
type UpdateItem = { Update: NonNullable<TransactItem['Update']> };
type DeleteItem = { Delete: NonNullable<TransactItem['Delete']> };

/** 'refused': a condition failed (the item is not as the caller required); 'written': the write landed. */
export type WriteOutcome = 'written' | 'refused';

/** A transaction item with a name its refusal is reported by (a lock, a task, the activation…). */
export interface NamedItem {
  name: string;
  item: TransactItem;
}

export type TransactOutcome = { outcome: 'written' } | { outcome: 'refused'; refused: string[] };

/** A transaction DynamoDB kept cancelling for conflicts with other transactions in flight: says nothing about its conditions. */
export class TransactionConflictError extends Error {
  constructor(readonly items: number, readonly tries: number) {
    super(`a transaction of ${items} items was cancelled for conflicts with other transactions ${tries} times`);
    this.name = 'TransactionConflictError';
  }
}

/** A transaction expected to pass was refused by a condition. */
export class TransactionRefusedError extends Error {
  constructor(readonly refused: string[]) {
    super(`transaction refused by ${refused.join(', ')}`);
    this.name = 'TransactionRefusedError';
  }
}

/**
 * One conditional Put, Update or Delete. With `writeId` (or `true` for a fresh one) the write carries its
 * id: when it lands and its answer is lost, the SDK sends it again and DynamoDB refuses the repeat
 * because of the first; the refusal shows our id on the item, and the write counts as written.
 */
export async function writeIf(db: DynamoDBDocumentClient, item: PutItem | UpdateItem | DeleteItem, writeId?: string | true): Promise<WriteOutcome> {
  const id = writeId === true ? newWriteId() : writeId;
  try {
    await sendOne(db, command(item, id));
    return 'written';
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    return id !== undefined && landedEarlier(error, id) ? 'written' : 'refused';
  }
}

/**
 * One transaction, retried with jittered backoff while DynamoDB cancels it only for conflicts with other
 * transactions in flight. 'refused' names the items whose condition failed (reasons read by name, never by
 * position); still conflicting after the retries is a TransactionConflictError, not a refusal.
 */
export async function transactIf(db: DynamoDBDocumentClient, items: readonly NamedItem[]): Promise<TransactOutcome> {
  if (items.length > MAX_TRANSACTION_ITEMS) throw new Error(`a transaction of ${items.length} items exceeds DynamoDB's ${MAX_TRANSACTION_ITEMS}`);
  if (items.length === 0) return { outcome: 'written' };
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }));
      return { outcome: 'written' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const refused = items.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((i) => i.name);
      if (refused.length > 0) return { outcome: 'refused', refused };
      if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw error;
      if (attempt >= CONFLICT_RETRIES) throw new TransactionConflictError(items.length, attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/** A transaction whose conditions are expected to hold: a refusal is an error. */
export async function transactAll(db: DynamoDBDocumentClient, items: readonly NamedItem[]): Promise<void> {
  const out = await transactIf(db, items);
  if (out.outcome === 'refused') throw new TransactionRefusedError(out.refused);
}

function sendOne(db: DynamoDBDocumentClient, c: PutCommand | UpdateCommand | DeleteCommand): Promise<unknown> {
  return c instanceof PutCommand ? db.send(c) : c instanceof UpdateCommand ? db.send(c) : db.send(c);
}

function command(item: PutItem | UpdateItem | DeleteItem, writeId: string | undefined) {
  const onFailure = writeId === undefined ? {} : { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };
  if ('Put' in item) {
    return new PutCommand({ ...item.Put, ...onFailure, Item: writeId === undefined ? item.Put.Item : { ...item.Put.Item, writeId } });
  }
  if ('Update' in item) {
    if (writeId === undefined) return new UpdateCommand(item.Update);
    const expression = item.Update.UpdateExpression ?? '';
    return new UpdateCommand({
      ...item.Update, ...onFailure,
      UpdateExpression: /^SET /i.test(expression) ? expression.replace(/^SET /i, 'SET writeId = :writeId, ') : `SET writeId = :writeId ${expression}`,
      ExpressionAttributeValues: { ...item.Update.ExpressionAttributeValues, ':writeId': writeId },
    });
  }
  return new DeleteCommand({ ...item.Delete, ...onFailure });
}
