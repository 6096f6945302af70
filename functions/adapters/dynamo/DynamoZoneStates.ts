import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { ZoneStates } from '../../core/ports/ZoneStates.ts';
import { operationsKeys, shardPartitions } from '../../config/operationsKeys.ts';
import { queryShards } from './queryShards.ts';
import { stripKeys } from './stripKeys.ts';

/** Zone states in the operations table: one item per zone, spread over the ZONESTATE#<shard> partitions by zone. */
export class DynamoZoneStates implements ZoneStates {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async getZoneStates(): Promise<ZoneState[]> {
    const items = await queryShards<Record<string, unknown>>(this.db, shardPartitions.zoneStates(), { TableName: this.tableName, KeyConditionExpression: 'pk = :pk' });
    return items.map((i) => stripKeys<ZoneState>(i));
  }

  async putZoneState(state: ZoneState): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...operationsKeys.zoneState(state.zoneId), ...state } }));
  }
}
