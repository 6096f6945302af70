import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LogEntry } from '../../core/log/LogEntry.ts';
import type { LogPage, LogPageRequest, LoggedEntry } from '../../core/log/LoggedEntry.ts';
import type { IdGenerator } from '../../core/ports/IdGenerator.ts';
import type { ResponseLog } from '../../core/ports/ResponseLog.ts';
import { logPartition, logPartitions } from '../../config/logKeys.ts';
import { decodeLogCursor, encodeLogCursor } from '../log/logCursor.ts';
import { writeIf } from './conditionalWrite.ts';
import { queryAll } from './queryAll.ts';

type StoredEntry = LogEntry & { entryId: string; logPartition?: string; writeId?: string };

const byId = (a: StoredEntry, b: StoredEntry) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0);
const shown = ({ entryId, logPartition: _p, writeId: _w, ...e }: StoredEntry): LoggedEntry => ({ id: entryId, ...e });

/**
 * The append-only response log: entries are Put once (never overwritten) and read by activation in
 * time order, an activation's entries spread over partitions (functions/config/logKeys.ts) and merged
 * by entry id when read. This class has no update or delete on purpose; the stack grants the roles
 * PutItem and Query only.
 */
export class DynamoResponseLog implements ResponseLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly ids: IdGenerator,
  ) {}

  async append(entry: LogEntry): Promise<void> {
    const entryId = `${entry.at}#${this.ids.next()}`;
    const item = { ...entry, entryId, logPartition: logPartition(entry.activationId, entryId) };
    // Refused but carrying this call's write id: our own earlier try, landed before a timeout and sent again by the SDK.
    const out = await writeIf(this.db, { Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(entryId)' } }, true);
    if (out === 'refused') throw new Error(`log entry ${item.entryId} of ${entry.activationId} exists already: the conditional put refused to overwrite it`);
  }

  async list(activationId: string): Promise<LogEntry[]> {
    const shards = await Promise.all(logPartitions(activationId).map((p) => queryAll<StoredEntry>(this.db, { TableName: this.tableName, KeyConditionExpression: 'logPartition = :p', ExpressionAttributeValues: { ':p': p } })));
    return shards.flat().sort(byId).map((item) => {
      const { id: _id, ...e } = shown(item);
      return e;
    });
  }

  async page(activationId: string, request: LogPageRequest): Promise<LogPage> {
    const start = request.cursor === undefined ? undefined : decodeLogCursor(request.cursor, activationId);
    const range = timeRange(request.from, request.to);
    // One more than asked from each shard: the first limit + 1 of the whole log are among them, and the one
    // beyond the page tells whether a next page exists without handing out an empty last page.
    const shards = await Promise.all(logPartitions(activationId).map(async (p) => {
      const out = await this.db.send(new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: `logPartition = :p${range.condition}`,
        ExpressionAttributeValues: { ':p': p, ...range.values },
        Limit: request.limit + 1,
        ...(start ? { ExclusiveStartKey: { logPartition: p, entryId: start } } : {}),
      }));
      return (out.Items ?? []) as StoredEntry[];
    }));
    const items = shards.flat().sort(byId);
    const entries = items.slice(0, request.limit).map(shown);
    const last = entries[entries.length - 1];
    return items.length > request.limit && last ? { entries, next: encodeLogCursor(activationId, last.id) } : { entries };
  }

  async latest(activationId: string, count: number): Promise<LoggedEntry[]> {
    const shards = await Promise.all(logPartitions(activationId).map(async (p) => {
      const out = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'logPartition = :p', ExpressionAttributeValues: { ':p': p }, ScanIndexForward: false, Limit: count }));
      return (out.Items ?? []) as StoredEntry[];
    }));
    return shards.flat().sort(byId).reverse().slice(0, count).map(shown);
  }
}

function timeRange(from?: string, to?: string): { condition: string; values: Record<string, string> } {
  // entryId = "<at>#<ulid>", so "<at>#…" sorts after "<at>": [from, to) falls out of plain string order.
  if (from && to) return { condition: ' AND entryId BETWEEN :from AND :to', values: { ':from': from, ':to': to } };
  if (from) return { condition: ' AND entryId >= :from', values: { ':from': from } };
  if (to) return { condition: ' AND entryId < :to', values: { ':to': to } };
  return { condition: '', values: {} };
}
