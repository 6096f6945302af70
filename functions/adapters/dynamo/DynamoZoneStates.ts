import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { ZoneStates } from '../../core/ports/ZoneStates.ts';
import { operationsKeys, PARTITION } from '../../config/operationsKeys.ts';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';

/** Zone states in the operations table: one partition, one item per zone. */
export class DynamoZoneStates implements ZoneStates {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async getZoneStates(): Promise<ZoneState[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PARTITION.zoneStates } });
    return items.map((i) => stripKeys<ZoneState>(i));
  }

  async putZoneState(state: ZoneState): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...operationsKeys.zoneState(state.zoneId), ...state } }));
  }
}
