import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { InvalidCursorError } from '../../core/errors/InvalidCursorError.ts';
import type { LogEntry } from '../../core/log/LogEntry.ts';
import type { LogPage, LogPageRequest, LoggedEntry } from '../../core/log/LoggedEntry.ts';
import type { IdGenerator } from '../../core/ports/IdGenerator.ts';
import type { ResponseLog } from '../../core/ports/ResponseLog.ts';
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
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(entryId)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
    } catch (error) {
      // The entry id is new to this call, so the one item that can hold it is our own earlier try, landed
      // before a timeout and sent again by the SDK: then the entry is written. Anything else is refused.
      if (error instanceof ConditionalCheckFailedException && sameItem(unmarshallOld(error.Item), item)) return;
      throw error;
    }
  }

  async list(activationId: string): Promise<LogEntry[]> {
    const items = await queryAll<LogEntry & { entryId?: string }>(this.db, { TableName: this.tableName, KeyConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':a': activationId } });
    return items.map(({ entryId: _id, ...e }) => e);
  }

  async page(activationId: string, request: LogPageRequest): Promise<LogPage> {
    const start = request.cursor === undefined ? undefined : decodeCursor(request.cursor, activationId);
    const range = timeRange(request.from, request.to);
    // One more than asked tells whether a next page exists without handing out an empty last page.
    const out = await this.db.send(new QueryCommand({
      TableName: this.tableName,
      KeyConditionExpression: `activationId = :a${range.condition}`,
      ExpressionAttributeValues: { ':a': activationId, ...range.values },
      Limit: request.limit + 1,
      ...(start ? { ExclusiveStartKey: { activationId, entryId: start } } : {}),
    }));
    const items = (out.Items ?? []) as (LogEntry & { entryId: string })[];
    const entries: LoggedEntry[] = items.slice(0, request.limit).map(({ entryId, ...e }) => ({ id: entryId, ...e }));
    const last = entries[entries.length - 1];
    return items.length > request.limit && last ? { entries, next: encodeCursor(activationId, last.id) } : { entries };
  }
}

function timeRange(from?: string, to?: string): { condition: string; values: Record<string, string> } {
  // entryId = "<at>#<ulid>", so "<at>#…" sorts after "<at>": [from, to) falls out of plain string order.
  if (from && to) return { condition: ' AND entryId BETWEEN :from AND :to', values: { ':from': from, ':to': to } };
  if (from) return { condition: ' AND entryId >= :from', values: { ':from': from } };
  if (to) return { condition: ' AND entryId < :to', values: { ':to': to } };
  return { condition: '', values: {} };
}

function encodeCursor(activationId: string, entryId: string): string {
  return Buffer.from(JSON.stringify({ a: activationId, e: entryId }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, activationId: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { a?: unknown; e?: unknown };
    if (parsed.a === activationId && typeof parsed.e === 'string' && parsed.e.length > 0) return parsed.e;
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError();
}

/** The item a refused Put found in its place (the low-level error carries it marshalled). */
function unmarshallOld(old: ConditionalCheckFailedException['Item']): Record<string, unknown> | undefined {
  return old ? unmarshall(old) : undefined;
}

/** Whether two log items are the same entry, attribute by attribute. */
function sameItem(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
  if (!a) return false;
  // Key order is not kept by DynamoDB, at any depth: compare with keys sorted everywhere.
  const canonical = (v: unknown): unknown => Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(JSON.parse(JSON.stringify(b))));
}
