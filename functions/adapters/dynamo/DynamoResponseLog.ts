import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName,
        Item: { ...entry, entryId: `${entry.at}#${this.ids.next()}` },
        ConditionExpression: 'attribute_not_exists(entryId)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
    } catch (error) {
      // The SDK sent again a put that had landed before a timeout: the entry is written, nothing is overwritten.
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException' && sameEntry((error as { Item?: Record<string, unknown> }).Item, entry)) return;
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

/** Whether a stored item (as DynamoDB returns it with a refusal) is this entry: same time, actor, action, subject and reason. */
function sameEntry(stored: Record<string, unknown> | undefined, entry: LogEntry): boolean {
  if (!stored) return false;
  const text = (name: string) => {
    const v = stored[name] as { S?: string } | string | undefined;
    return typeof v === 'string' ? v : v?.S;
  };
  return text('at') === entry.at && text('actor') === entry.actor && text('action') === entry.action && text('subject') === entry.subject && text('reason') === entry.reason;
}
