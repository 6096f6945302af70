/**
 * The response log's item keys (LOG_TABLE in tables.ts). An activation's entries are spread over LOG_SHARDS
 * partitions (issue 16 item 7): a province's first wave logs a booked team, a shortfall or an SMS thousands of
 * times a minute, past what one partition key takes (1,000 WCU/s). Each entry's shard comes from the unique
 * part of its id, so the same entry always lands in the same partition; readers query every shard at once and
 * merge by entry id (time, then the unique part).
 */
import { shardOf } from './shardOf.ts';

export const LOG_SHARDS = 8;

const logShard = (activationId: string, shard: number) => `${activationId}#${String(shard).padStart(2, '0')}`;

/** The partition an entry of `activationId` with id `entryId` ("<at>#<unique>") is kept in. */
export function logPartition(activationId: string, entryId: string): string {
  return logShard(activationId, shardOf(entryId.slice(entryId.lastIndexOf('#') + 1), LOG_SHARDS));
}

/** Every partition of an activation's log, to read it whole or page it (one Query each, in parallel). */
export function logPartitions(activationId: string): string[] {
  return Array.from({ length: LOG_SHARDS }, (_, shard) => logShard(activationId, shard));
}
