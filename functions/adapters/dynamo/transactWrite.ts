import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB refuses transactions of more than 100 items. */
export const MAX_TRANSACTION_ITEMS = 100;
/** Retries of a transaction cancelled only because another transaction held the same items. */
const CONFLICT_RETRIES = 6;

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** The cancellation reason codes of a cancelled transaction (one per item), or undefined for any other error. */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (error instanceof TransactionCanceledException) return (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return undefined;
}

/**
 * One transaction, retried with jittered backoff while DynamoDB cancels it only for a conflict with
 * another transaction in flight (no condition failed): a conflict says nothing about the conditions.
 */
export async function transactWrite(db: DynamoDBDocumentClient, items: TransactItem[]): Promise<void> {
  if (items.length > MAX_TRANSACTION_ITEMS) throw new Error(`a transaction of ${items.length} items exceeds DynamoDB's ${MAX_TRANSACTION_ITEMS}`);
  if (items.length === 0) return;
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      const conflictOnly = codes !== undefined && codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
      if (!conflictOnly || attempt >= CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
