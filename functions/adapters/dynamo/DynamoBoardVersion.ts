import { randomUUID } from 'node:crypto';
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BoardChange, BoardMark, BoardVersion } from '../../core/ports/BoardVersion.ts';
import { changeToKeep } from '../../core/board/mergeChanges.ts';
import { BOARD_VERSION_SHARDS, operationsKeys } from '../../config/operationsKeys.ts';
import { transactIf } from './conditionalWrite.ts';
import { queryAll } from './queryAll.ts';

/** Changes are kept this long: a reader whose sources are older reads the board whole. */
const KEEP_SECONDS = 86_400;
/** Tries of a bump whose shard other writers keep moving (each try reads the shard again). */
const BUMP_ROUNDS = 20;
/** A writer moves on to the next shard after this many bumps, so that one busy writer (a dispatcher texting a wave) spreads its writes over every partition. */
const BUMPS_PER_SHARD = 16;

type ChangeItem = { sk: string; change: BoardChange; bumpId: string };

/**
 * The board version as counters spread over a few items, each its own partition (every write of a storm bumps
 * it, and one item would be a hot key). A bump moves one counter from n to n+1 and puts the change it stands for
 * under n+1, in one transaction: change n of a shard exists exactly when its counter has passed n, so a reader
 * finds every change between two marks, or sees that one is gone (expired) and reads whole. A writer keeps to one
 * shard for a few bumps, knowing where it left it (one request per bump while no other writer shares it), then moves
 * to the next (one read to learn where that one stands), and to another at random when someone else moved its own.
 * The version is the sum of the counters (one BatchGetItem), which goes up with every bump.
 */
export class DynamoBoardVersion implements BoardVersion {
  private shard = Math.floor(Math.random() * BOARD_VERSION_SHARDS);
  private known: number | undefined;
  private bumpsHere = 0;

  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async read(): Promise<BoardMark> {
    const keys = Array.from({ length: BOARD_VERSION_SHARDS }, (_, shard) => operationsKeys.boardVersion(shard));
    let pending: Record<string, unknown>[] = keys;
    const at = keys.map(() => 0);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= 8) throw new Error(`reading the board version: ${pending.length} shards still unprocessed after ${round} rounds`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** round));
      const out = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'pk, n' } } }));
      for (const item of out.Responses?.[this.tableName] ?? []) at[keys.findIndex((k) => k.pk === item.pk)] = Number(item.n ?? 0);
      pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    }
    return { version: at.reduce((a, b) => a + b, 0), at };
  }

  async bump(change: BoardChange): Promise<void> {
    const kept = changeToKeep(change);
    const expiresAt = Math.floor(Date.now() / 1000) + KEEP_SECONDS;
    for (let round = 0; round < BUMP_ROUNDS; round++) {
      const shard = this.shard;
      const n = this.known ?? (await this.counter(shard));
      const token = randomUUID();
      const out = await transactIf(this.db, [
        { name: 'counter', item: { Update: {
          TableName: this.tableName, Key: operationsKeys.boardVersion(shard), UpdateExpression: 'SET n = :next',
          ConditionExpression: n === 0 ? 'attribute_not_exists(n) OR n = :n' : 'n = :n', ExpressionAttributeValues: { ':n': n, ':next': n + 1 },
        } } },
        { name: 'change', item: { Put: { TableName: this.tableName, Item: { ...operationsKeys.boardChange(shard, n + 1), change: kept, bumpId: token, expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } } },
      ]);
      // Refused and yet ours: it landed on a try whose answer was lost.
      if (out.outcome === 'written' || (await this.changeToken(shard, n + 1)) === token) {
        this.known = n + 1;
        if (++this.bumpsHere >= BUMPS_PER_SHARD) this.moveTo((shard + 1) % BOARD_VERSION_SHARDS);
        return;
      }
      // Another writer moved the shard: move to another one (writers spread themselves out), and read where it stands.
      this.moveTo((shard + 1 + Math.floor(Math.random() * (BOARD_VERSION_SHARDS - 1))) % BOARD_VERSION_SHARDS);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** Math.min(round, 6) * Math.random()));
    }
    throw new Error(`bumping the board version: the shards kept moving under other writers for ${BUMP_ROUNDS} tries`);
  }

  async changesBetween(from: BoardMark, to: BoardMark): Promise<BoardChange[] | undefined> {
    if (from.at.length !== BOARD_VERSION_SHARDS || to.at.length !== BOARD_VERSION_SHARDS) return undefined;
    const shards = to.at.map((n, shard) => ({ shard, after: from.at[shard]!, upTo: n })).filter((s) => s.upTo !== s.after);
    if (shards.some((s) => s.upTo < s.after)) return undefined;
    const found = await Promise.all(shards.map(async ({ shard, after, upTo }) => {
      const items = await queryAll<ChangeItem>(this.db, {
        TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last', ConsistentRead: true,
        ExpressionAttributeValues: { ':pk': operationsKeys.boardChange(shard, 0).pk, ':first': operationsKeys.boardChange(shard, after + 1).sk, ':last': operationsKeys.boardChange(shard, upTo).sk },
      });
      // One missing (expired) and the changes are no longer all known.
      return items.length === upTo - after ? items.map((i) => i.change) : undefined;
    }));
    return found.some((f) => f === undefined) ? undefined : found.flatMap((f) => f!);
  }

  private moveTo(shard: number): void {
    this.shard = shard;
    this.known = undefined;
    this.bumpsHere = 0;
  }

  private async counter(shard: number): Promise<number> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.boardVersion(shard), ConsistentRead: true, ProjectionExpression: 'n' }));
    return Number(out.Item?.n ?? 0);
  }

  private async changeToken(shard: number, n: number): Promise<string | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.boardChange(shard, n), ConsistentRead: true, ProjectionExpression: 'bumpId' }));
    return out.Item?.bumpId as string | undefined;
  }
}
