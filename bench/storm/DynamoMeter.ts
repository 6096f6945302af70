import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PartitionMeter } from './PartitionMeter.ts';

/** The data-plane operations that can report their consumed capacity. */
const CAPACITY_OPERATIONS = new Set([
  'GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'QueryCommand', 'ScanCommand',
  'BatchGetItemCommand', 'BatchWriteItemCommand', 'TransactGetItemsCommand', 'TransactWriteItemsCommand',
]);
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

interface Capacity { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }

export interface DynamoUsage {
  /** HTTP requests sent, every SDK retry included. */
  requests: number;
  /** Of those, the SDK's own retries (attempts after the first of a command). */
  retries: number;
  /** Requests that came back with an error (conditions refused, transactions cancelled, throttling). */
  errors: number;
  readUnits: number;
  writeUnits: number;
  /** Time spent waiting on requests, summed (concurrent requests each count their own). */
  waitMs: number;
  byOperation: Map<string, number>;
}

const emptyUsage = (): DynamoUsage => ({ requests: 0, retries: 0, errors: 0, readUnits: 0, writeUnits: 0, waitMs: 0, byOperation: new Map() });

/**
 * Counts every DynamoDB request the real clients send, per step of the storm, and what DynamoDB says it
 * consumed: a middleware asks every data-plane command for ReturnConsumedCapacity INDEXES (table and
 * indexes), and another, inside the SDK's retry loop, counts each attempt and reads the answer's capacity.
 */
export class DynamoMeter {
  private readonly step = new AsyncLocalStorage<string>();
  readonly usage = new Map<string, DynamoUsage>();
  /** The same requests' units per partition key and second (the storm's steps: not setup's seeding, nor the invariant checks). */
  readonly partitions = new PartitionMeter();

  /** Runs `fn` with every request it makes counted under `label`. */
  within<T>(label: string, fn: () => Promise<T>): Promise<T> {
    return this.step.run(label, fn);
  }

  /** Instruments a client (a document client shares its client's middleware stack). */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add((next, context) => async (args) => {
      if (CAPACITY_OPERATIONS.has(context.commandName ?? '')) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
      return next(args);
    }, { step: 'initialize', priority: 'low', name: 'stormMeterAskCapacity' });
    client.middlewareStack.add((next, context) => {
      let attempts = 0;
      return async (args) => {
        const label = this.step.getStore() ?? 'setup';
        const usage = this.usageOf(label);
        const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
        usage.requests++;
        if (attempts++ > 0) usage.retries++;
        usage.byOperation.set(operation, (usage.byOperation.get(operation) ?? 0) + 1);
        const sent = performance.now();
        try {
          const out = await next(args);
          const consumed = (out.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
          const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((s, c) => s + (c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0)), 0);
          const read = READS.has(context.commandName ?? '');
          if (read) usage.readUnits += units;
          else usage.writeUnits += units;
          if (label !== 'setup' && label !== 'check') this.partitions.record(context.commandName ?? '', args.input as Record<string, unknown>, units, read);
          return out;
        } catch (error) {
          usage.errors++;
          throw error;
        } finally {
          usage.waitMs += performance.now() - sent;
        }
      };
    }, { step: 'deserialize', priority: 'high', name: 'stormMeterCount' });
  }

  /** Everything counted under labels that pass `include`. */
  total(include: (label: string) => boolean = () => true): DynamoUsage {
    const sum = emptyUsage();
    for (const [label, u] of this.usage) {
      if (!include(label)) continue;
      sum.requests += u.requests; sum.retries += u.retries; sum.errors += u.errors; sum.readUnits += u.readUnits; sum.writeUnits += u.writeUnits; sum.waitMs += u.waitMs;
      for (const [op, n] of u.byOperation) sum.byOperation.set(op, (sum.byOperation.get(op) ?? 0) + n);
    }
    return sum;
  }

  private usageOf(label: string): DynamoUsage {
    let u = this.usage.get(label);
    if (!u) this.usage.set(label, (u = emptyUsage()));
    return u;
  }
}
