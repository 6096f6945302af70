import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ShortfallMarkers } from '../../core/ports/ShortfallMarkers.ts';
import { operationsKeys, PREFIX, shardPartitions } from '../../config/operationsKeys.ts';
import { putAll } from './putAll.ts';
import { queryShards } from './queryShards.ts';

/** Shortfall markers in their activation's shortfall shards (pk ACT#<id>#S#<shard>, sk SHORT#<road>#<pass>). */
export class DynamoShortfallMarkers implements ShortfallMarkers {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async listReportedShortfalls(activationId: string): Promise<Set<string>> {
    const items = await queryShards<{ sk: string }>(this.db, shardPartitions.ofActivation(activationId, 'shortfall'), {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)', ConsistentRead: true, ProjectionExpression: 'sk',
      ExpressionAttributeValues: { ':s': PREFIX.shortfall },
    });
    return new Set(items.map((i) => i.sk.slice(PREFIX.shortfall.length)));
  }

  async markShortfallsReported(activationId: string, passKeys: readonly string[]): Promise<void> {
    await putAll(this.db, this.tableName, passKeys.map((key) => operationsKeys.shortfall(activationId, key)), 'shortfall markers');
  }
}
