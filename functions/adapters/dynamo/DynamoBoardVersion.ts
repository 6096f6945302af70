import { BatchGetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BoardVersion } from '../../core/ports/BoardVersion.ts';
import { BOARD_VERSION_SHARDS, operationsKeys } from '../../config/operationsKeys.ts';

/**
 * The board version as a counter spread over a few items, each its own partition: every write of a storm
 * bumps it, and one item would be a hot key (1,000 writes/s per partition). A bump adds 1 to one shard, taken
 * in turn; the version is the sum of the shards (one BatchGetItem), which goes up with every bump.
 */
export class DynamoBoardVersion implements BoardVersion {
  private next = Math.floor(Math.random() * BOARD_VERSION_SHARDS);

  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async read(): Promise<number> {
    const keys = Array.from({ length: BOARD_VERSION_SHARDS }, (_, shard) => operationsKeys.boardVersion(shard));
    let pending: Record<string, unknown>[] = keys;
    let sum = 0;
    for (let round = 0; pending.length > 0; round++) {
      if (round >= 8) throw new Error(`reading the board version: ${pending.length} shards still unprocessed after ${round} rounds`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** round));
      const out = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'n' } } }));
      for (const item of out.Responses?.[this.tableName] ?? []) sum += Number(item.n ?? 0);
      pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    }
    return sum;
  }

  async bump(): Promise<void> {
    const shard = this.next;
    this.next = (this.next + 1) % BOARD_VERSION_SHARDS;
    // Not conditional: a bump the SDK sends twice counts twice, and the version still only goes up.
    await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: operationsKeys.boardVersion(shard), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } }));
  }
}
