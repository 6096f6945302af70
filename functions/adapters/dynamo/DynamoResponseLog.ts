import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LogEntry } from '../../core/log/LogEntry.ts';
import type { IdGenerator } from '../../core/ports/IdGenerator.ts';
import type { ResponseLog } from '../../core/ports/ResponseLog.ts';
import { queryAll } from './queryAll.ts';

/** The append-only response log: entries are Put once (never overwritten) and read by activation in time order. */
export class DynamoResponseLog implements ResponseLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly ids: IdGenerator,
  ) {}

  async append(entry: LogEntry): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.tableName,
      Item: { ...entry, entryId: `${entry.at}#${this.ids.next()}` },
      ConditionExpression: 'attribute_not_exists(entryId)',
    }));
  }

  async list(activationId: string): Promise<LogEntry[]> {
    const items = await queryAll<LogEntry & { entryId?: string }>(this.db, { TableName: this.tableName, KeyConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':a': activationId } });
    return items.map(({ entryId: _id, ...e }) => e);
  }
}
