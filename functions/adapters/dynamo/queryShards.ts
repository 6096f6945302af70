import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './queryAll.ts';

const bySortKey = (a: { sk?: unknown }, b: { sk?: unknown }) => (String(a.sk) < String(b.sk) ? -1 : String(a.sk) > String(b.sk) ? 1 : 0);

/**
 * Runs one Query, to its last page, on each partition of a sharded kind at once (shardPartitions), the key
 * condition naming the partition as `:pk`; every shard's items in sort-key order, as one partition's would be
 * (the sort key must be projected).
 */
export async function queryShards<T extends { sk?: unknown }>(db: DynamoDBDocumentClient, partitions: readonly string[], input: QueryCommandInput): Promise<T[]> {
  const pages = await Promise.all(partitions.map((pk) => queryAll<T>(db, { ...input, ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':pk': pk } })));
  return pages.flat().sort(bySortKey);
}
