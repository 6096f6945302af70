import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateQuotas } from '../../core/ports/RateQuotas.ts';

/** Windows are hours or days; their counters are swept by TTL two days after they start. */
const KEEP_SECONDS = 2 * 86_400;

/** Rate counters in the citizen table: one item per key and window, counted with a conditional ADD. */
export class DynamoRateQuotas implements RateQuotas {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async take(key: string, windowStart: string, limit: number): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `QUOTA#${key}`, sk: windowStart },
        UpdateExpression: 'ADD taken :one SET expiresAt = if_not_exists(expiresAt, :ttl)',
        ConditionExpression: 'attribute_not_exists(taken) OR taken < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': Math.floor(Date.parse(windowStart) / 1000) + KEEP_SECONDS },
      }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
