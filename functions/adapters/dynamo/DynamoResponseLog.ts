import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LogEntry } from '../../core/log/LogEntry.ts';
import type { LogPage, LogPageRequest, LoggedEntry } from '../../core/log/LoggedEntry.ts';
import type { IdGenerator } from '../../core/ports/IdGenerator.ts';
import type { ResponseLog } from '../../core/ports/ResponseLog.ts';
import { decodeLogCursor, encodeLogCursor } from '../log/logCursor.ts';
import { writeIf } from './conditionalWrite.ts';
import { queryAll } from './queryAll.ts';

/**
 * The append-only response log: entries are Put once (never overwritten) and read by activation in
 * time order. This class has no update or delete on purpose; the stack grants the roles PutItem and
 * Query only.
 */
export class DynamoResponseLog implements ResponseLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly ids: IdGenerator,
  ) {}

  async append(entry: LogEntry): Promise<void> {
    const item = { ...entry, entryId: `${entry.at}#${this.ids.next()}` };
    // Refused but carrying this call's write id: our own earlier try, landed before a timeout and sent again by the SDK.
    const out = await writeIf(this.db, { Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(entryId)' } }, true);
    if (out === 'refused') throw new Error(`log entry ${item.entryId} of ${entry.activationId} exists already: the conditional put refused to overwrite it`);
  }

  async list(activationId: string): Promise<LogEntry[]> {
    const items = await queryAll<LogEntry & { entryId?: string; writeId?: string }>(this.db, { TableName: this.tableName, KeyConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':a': activationId } });
    return items.map(({ entryId: _id, writeId: _w, ...e }) => e);
  }

  async page(activationId: string, request: LogPageRequest): Promise<LogPage> {
    const start = request.cursor === undefined ? undefined : decodeLogCursor(request.cursor, activationId);
    const range = timeRange(request.from, request.to);
    // One more than asked tells whether a next page exists without handing out an empty last page.
    const out = await this.db.send(new QueryCommand({
      TableName: this.tableName,
      KeyConditionExpression: `activationId = :a${range.condition}`,
      ExpressionAttributeValues: { ':a': activationId, ...range.values },
      Limit: request.limit + 1,
      ...(start ? { ExclusiveStartKey: { activationId, entryId: start } } : {}),
    }));
    const items = (out.Items ?? []) as (LogEntry & { entryId: string; writeId?: string })[];
    const entries: LoggedEntry[] = items.slice(0, request.limit).map(({ entryId, writeId: _w, ...e }) => ({ id: entryId, ...e }));
    const last = entries[entries.length - 1];
    return items.length > request.limit && last ? { entries, next: encodeLogCursor(activationId, last.id) } : { entries };
  }

  async latest(activationId: string, count: number): Promise<LoggedEntry[]> {
    const out = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':a': activationId }, ScanIndexForward: false, Limit: count }));
    return ((out.Items ?? []) as (LogEntry & { entryId: string; writeId?: string })[]).map(({ entryId, writeId: _w, ...e }) => ({ id: entryId, ...e }));
  }
}

function timeRange(from?: string, to?: string): { condition: string; values: Record<string, string> } {
  // entryId = "<at>#<ulid>", so "<at>#…" sorts after "<at>": [from, to) falls out of plain string order.
  if (from && to) return { condition: ' AND entryId BETWEEN :from AND :to', values: { ':from': from, ':to': to } };
  if (from) return { condition: ' AND entryId >= :from', values: { ':from': from } };
  if (to) return { condition: ' AND entryId < :to', values: { ':to': to } };
  return { condition: '', values: {} };
}
