import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { seededRandom } from '../../../functions/core/planner/random.ts';

/** What the middleware did to a request's first try. */
export type DynamoFault = 'throttled' | 'conflict' | 'landed-then-timeout' | 'landed-then-crash';

export interface DynamoFaultOptions {
  seed: number;
  /** Share of first tries answered ThrottlingException before reaching DynamoDB (the SDK retries). */
  throttleRate?: number;
  /** Share of TransactWriteItems cancelled with TransactionConflict before reaching DynamoDB (the SDK does not retry: our code must). */
  conflictRate?: number;
  /** Share of writes that land in DynamoDB and then answer a socket timeout (the SDK sends the same request again). */
  landedTimeoutRate?: number;
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);

export interface FaultInjector {
  /** Faults injected so far, by kind and command. */
  injected: { fault: DynamoFault; command: string }[];
  counts(): Record<DynamoFault, number>;
  /** Requests that reached DynamoDB (each try counted). */
  requests: number;
  /** Stops injecting (the middleware stays, passing everything through). */
  pause(): void;
  resume(): void;
  /**
   * After `writes` more writes have landed, the next write lands and then fails with an error the SDK does
   * not retry, as when a Lambda is killed or its client gives up: the use case sees an exception.
   */
  crashAfterWrites(writes: number): void;
}

/** The error a crash surfaces: the write landed, the invocation did not get to know it. */
export class InjectedCrashError extends Error {
  constructor(command: string) {
    super(`injected: ${command} landed, then the invocation failed before it learnt so`);
    this.name = 'InjectedCrashError';
  }
}

/**
 * A middleware on a real DynamoDB client (in the retry loop, so the SDK's own retries run as they do in
 * production) that, from a seeded generator, throttles a first try, cancels a transaction for a conflict,
 * or lets a write land and then answers a timeout. Each request is attacked on its first try only.
 */
export function injectDynamoFaults(client: DynamoDBClient, options: DynamoFaultOptions): FaultInjector {
  const random = seededRandom(options.seed);
  const attacked = new WeakSet<object>();
  let paused = false;
  let crashIn: number | undefined;
  const injector: FaultInjector = {
    injected: [],
    requests: 0,
    counts: () => {
      const c: Record<DynamoFault, number> = { throttled: 0, conflict: 0, 'landed-then-timeout': 0, 'landed-then-crash': 0 };
      for (const i of injector.injected) c[i.fault]++;
      return c;
    },
    pause: () => { paused = true; },
    resume: () => { paused = false; },
    crashAfterWrites: (writes) => { crashIn = writes < 0 ? undefined : writes; },
  };
  client.middlewareStack.add((next, context) => async (args) => {
    const command = String(context.commandName ?? '');
    const write = WRITES.has(command);
    const first = !attacked.has(context);
    attacked.add(context);
    if (write && crashIn !== undefined && first) {
      if (crashIn === 0) {
        crashIn = undefined;
        injector.requests++;
        await next(args);
        injector.injected.push({ fault: 'landed-then-crash', command });
        throw new InjectedCrashError(command);
      }
      crashIn--;
    }
    if (!paused && first) {
      const roll = random();
      let edge = options.throttleRate ?? 0;
      if (roll < edge) {
        injector.injected.push({ fault: 'throttled', command });
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput (injected)'), { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
      }
      edge += command === 'TransactWriteItemsCommand' ? (options.conflictRate ?? 0) : 0;
      if (roll < edge) {
        injector.injected.push({ fault: 'conflict', command });
        throw new TransactionCanceledException({
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict] (injected)',
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: [{ Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }],
        });
      }
      edge += write ? (options.landedTimeoutRate ?? 0) : 0;
      if (roll < edge) {
        injector.requests++;
        await next(args);
        injector.injected.push({ fault: 'landed-then-timeout', command });
        throw Object.assign(new Error('socket hang up after the request was written (injected)'), { name: 'TimeoutError', $metadata: {} });
      }
    }
    injector.requests++;
    return next(args);
  }, { step: 'finalizeRequest', priority: 'low', name: 'reliabilityFaultInjection' });
  return injector;
}
