import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB takes at most 25 requests in one BatchWriteItem. */
const BATCH_WRITE_ITEMS = 25;
/** Tries of the items DynamoDB left unprocessed (throttled), with a doubling pause. */
const UNPROCESSED_RETRIES = 8;

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** Puts every item (unconditionally), 25 to a BatchWriteItem, retrying the ones DynamoDB leaves unprocessed; `what` names them in the error. */
export function putAll(db: DynamoDBDocumentClient, tableName: string, items: readonly Record<string, unknown>[], what: string): Promise<void> {
  return writeAll(db, tableName, items.map((Item) => ({ PutRequest: { Item } })), what);
}

/** Deletes every key (unconditionally), as putAll puts. */
export function deleteAll(db: DynamoDBDocumentClient, tableName: string, keys: readonly Record<string, unknown>[], what: string): Promise<void> {
  return writeAll(db, tableName, keys.map((Key) => ({ DeleteRequest: { Key } })), what);
}

async function writeAll(db: DynamoDBDocumentClient, tableName: string, requests: readonly WriteRequest[], what: string): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH_WRITE_ITEMS) {
    let request: Record<string, WriteRequest[]> | undefined = { [tableName]: requests.slice(i, i + BATCH_WRITE_ITEMS) };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES) throw new Error(`${what}: unprocessed items after ${UNPROCESSED_RETRIES} retries`);
      const out = await db.send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
      if (request && Object.keys(request).length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}
