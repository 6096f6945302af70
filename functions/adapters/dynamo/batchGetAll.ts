import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB's limit of keys in one BatchGetItem. */
const BATCH_GET_KEYS = 100;
/** Rounds of asking again for keys a BatchGetItem left unprocessed before giving up. */
const BATCH_GET_ROUNDS = 8;

/**
 * The items at `keys` that exist (strongly consistent), in no particular order: BatchGetItem 100 keys at a time,
 * asking again for the keys DynamoDB did not get to (throttling, the 16 MB limit), with a growing pause.
 */
export async function batchGetAll(db: DynamoDBDocumentClient, tableName: string, keys: readonly Record<string, unknown>[], what: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_KEYS) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + BATCH_GET_KEYS);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= BATCH_GET_ROUNDS) throw new Error(`reading ${keys.length} ${what}: ${pending.length} still unprocessed after ${round} rounds`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** round)));
      const out = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[tableName] ?? []));
      pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}
