import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ShortfallMarkers } from '../../core/ports/ShortfallMarkers.ts';
import { activationPartition, operationsKeys, PREFIX } from '../../config/operationsKeys.ts';
import { putAll } from './putAll.ts';
import { queryAll } from './queryAll.ts';

/** Shortfall markers under their activation's partition (SHORT#<road>#<pass>). */
export class DynamoShortfallMarkers implements ShortfallMarkers {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async listReportedShortfalls(activationId: string): Promise<Set<string>> {
    const items = await queryAll<{ sk: string }>(this.db, {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)', ConsistentRead: true, ProjectionExpression: 'sk',
      ExpressionAttributeValues: { ':pk': activationPartition(activationId), ':s': PREFIX.shortfall },
    });
    return new Set(items.map((i) => i.sk.slice(PREFIX.shortfall.length)));
  }

  async markShortfallsReported(activationId: string, passKeys: readonly string[]): Promise<void> {
    await putAll(this.db, this.tableName, passKeys.map((key) => operationsKeys.shortfall(activationId, key)), 'shortfall markers');
  }
}
