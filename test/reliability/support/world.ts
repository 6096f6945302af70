import type { CoreDeps } from '../../../functions/core/ports/CoreDeps.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { dynamoOperations } from '../../../functions/adapters/dynamo/dynamoOperations.ts';
import { DynamoRegistryStore } from '../../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { PowertoolsAttemptGuard } from '../../../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { JsonlDeadLetterQueue } from '../../../functions/adapters/queue/JsonlDeadLetterQueue.ts';
import { SnsOptOutChecker } from '../../../functions/adapters/sms/SnsOptOutChecker.ts';
import { SnsSmsSender } from '../../../functions/adapters/sms/SnsSmsSender.ts';
import { systemTimer } from '../../../functions/adapters/system/SystemTimer.ts';
import { dynamoStores } from '../../support/buildWorld.ts';
import { UlidGenerator } from '../../../functions/adapters/system/UlidGenerator.ts';
import { OpenMeteoProvider } from '../../../functions/adapters/weather/OpenMeteoProvider.ts';
import { ALL_TABLES } from '../../../functions/config/tables.ts';
import { planActivationWave } from '../../../functions/core/activation/planActivationWave.ts';
import type { PlanningRequests } from '../../../functions/core/ports/PlanningRequests.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import type { MessagingDeps } from '../../../functions/core/dispatch/MessagingDeps.ts';
import type { DispatchRequests } from '../../../functions/core/ports/DispatchRequests.ts';
import type { RetryPolicy } from '../../../functions/core/dispatch/RetryPolicy.ts';
import { TokenBucket } from '../../../functions/core/dispatch/TokenBucket.ts';
import type { ForecastProvider } from '../../../functions/core/ports/ForecastProvider.ts';
import type { Messaging } from '../../../functions/core/ports/Messaging.ts';
import type { SmsSender } from '../../../functions/core/ports/SmsSender.ts';
import { createTables } from '../../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { SimulatedClock } from '../../../local/runtime/SimulatedClock.ts';
import { startSnsServer, type SnsServer, type SnsServerOptions } from '../../../local/sns/startSnsServer.ts';
import { injectDynamoFaults, type DynamoFaultOptions, type FaultInjector } from './dynamoFaults.ts';
import { smallCity, type SmallCity } from './smallCity.ts';
import { startFaultyWeather, type FaultyWeather } from './weatherFaults.ts';
import { dynamoIdempotencyStore } from '../../../functions/adapters/idempotency/dynamoIdempotencyStore.ts';
import { INVARIANT_PLANNER_BUDGET } from '../../support/plannerBudget.ts';

/**
 * The planner's budget in these storms: they check invariants under interleavings and faults (no double booking,
 * each SMS once, nothing dropped), not how good a plan is, and the small-city floor (MIN_WORK, 250,000 units) made
 * planning most of their time (5 rounds of the concurrency test: 67 s -> 28 s). A tenth of it is still a real search
 * from insertion on, over the same booking and dispatch code (test/support/plannerBudget.ts).
 */
export const RELIABILITY_PLANNER_BUDGET = INVARIANT_PLANNER_BUDGET;

export type WorldDeps = CoreDeps & MessagingDeps & { messaging: Messaging; providers: ReadonlyMap<string, ForecastProvider>; registry: DynamoRegistryStore; dispatch: DispatchRequests; planning: PlanningRequests };

export interface WorldOptions {
  city?: SmallCity;
  sns?: SnsServerOptions;
  retry?: Partial<RetryPolicy>;
  /** Faults on the stores' DynamoDB client (registry, operations, response log). */
  storeFaults?: DynamoFaultOptions;
  /** Faults on the attempt guard's own DynamoDB client (the Idempotency table), as buildMessaging gives it one. */
  guardFaults?: DynamoFaultOptions;
  /** Wraps the SMS sender of every set of deps this world builds (crash simulation, recording). */
  wrapSms?: (sender: SmsSender) => SmsSender;
}

export interface World {
  deps: WorldDeps;
  city: SmallCity;
  clock: SimulatedClock;
  sns: SnsServer;
  weather: FaultyWeather;
  storeFaults?: FaultInjector;
  guardFaults?: FaultInjector;
  db: DynamoDBDocumentClient;
  names: { REGISTRY_TABLE: string; OPERATIONS_TABLE: string; LOG_TABLE: string; IDEMPOTENCY_TABLE: string };
  deadLetters: JsonlDeadLetterQueue;
  /**
   * Another Lambda container: new clients (no faults) over the same tables, SNS endpoint and clock;
   * `jitterMs` (optional) delays each of its DynamoDB requests by what it returns, to vary interleavings.
   */
  freshDeps(wrapSms?: (sender: SmsSender) => SmsSender, options?: { jitterMs?: () => number }): WorldDeps;
  close(): Promise<void>;
}

let counter = 0;

/**
 * DynamoDB Local tables of its own with a small city seeded, the local SNS-like endpoint with the real SNS
 * client and adapter, the Powertools attempt guard, the weather replay server with the real Open-Meteo
 * client, a simulated clock, and optional seeded DynamoDB faults at the SDK boundary.
 */
export async function reliabilityWorld(options: WorldOptions = {}): Promise<World> {
  const endpoint = inject('dynamoEndpoint');
  const admin = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
  const names = (await createTables(admin, ALL_TABLES, `rel${process.pid}-${Date.now().toString(36)}-${counter++}-`)) as World['names'];
  admin.destroy();
  const city = options.city ?? smallCity();
  const clock = new SimulatedClock(new Date('2026-12-14T00:00:00Z'));
  const sns = await startSnsServer(options.sns);
  const weather = await startFaultyWeather({ start: clock.now().toISOString(), dripEveryMs: 25 });
  const deadLetters = new JsonlDeadLetterQueue(join(await mkdtemp(join(tmpdir(), 'snowops-reliability-')), 'dead-letters.jsonl'));
  const clients: { destroy(): void }[] = [];

  const build = (faults: { store?: DynamoFaultOptions; guard?: DynamoFaultOptions }, wrapSms?: (s: SmsSender) => SmsSender, jitterMs?: () => number) => {
    const storesClient = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
    if (jitterMs) {
      storesClient.middlewareStack.add((next) => async (args) => {
        const ms = jitterMs();
        if (ms > 0) await new Promise((r) => setTimeout(r, ms));
        return next(args);
      }, { step: 'finalizeRequest', priority: 'low', name: 'reliabilityJitter' });
    }
    const guardClient = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
    const snsClient = new SNSClient({ endpoint: sns.endpoint, maxAttempts: 1, ...LOCAL_AWS });
    clients.push(storesClient, guardClient, snsClient);
    const storeFaults = faults.store ? injectDynamoFaults(storesClient, faults.store) : undefined;
    const guardFaults = faults.guard ? injectDynamoFaults(guardClient, faults.guard) : undefined;
    const db = DynamoDBDocumentClient.from(storesClient, { marshallOptions: { removeUndefinedValues: true } });
    const ids = new UlidGenerator();
    const messaging: Messaging = {
      guard: new PowertoolsAttemptGuard({ persistenceStore: dynamoIdempotencyStore(names.IDEMPOTENCY_TABLE, guardClient) }),
      limiter: new TokenBucket({ partsPerSecond: 5000, now: systemTimer.now, sleep: systemTimer.sleep }),
      optOut: new SnsOptOutChecker(snsClient),
      deadLetters,
      retry: { maxTries: 4, baseDelayMs: 2, maxDelayMs: 10, ...options.retry },
      sleep: systemTimer.sleep,
      random: Math.random,
      concurrency: 4,
    };
    const sender: SmsSender = new SnsSmsSender(snsClient);
    const base = {
      ...dynamoStores(db, names, ids),
      clock, ids, sms: wrapSms ? wrapSms(sender) : sender, messaging, plannerBudget: RELIABILITY_PLANNER_BUDGET,
      providers: new Map([['open-meteo', new OpenMeteoProvider({ baseUrl: weather.baseUrl, timeoutMs: 2000, retries: 0 }, clock)]]),
    };
    // The wave is sent in the caller's process, as the local runtime does (SQS deployed).
    const dispatch = new InlineDispatch(base);
    // An officer's wave is planned within the officer's operation, so that the interleavings race the worker's
    // planning against everything else as they raced the planning inside the request before (SQS deployed).
    const planning: PlanningRequests = { request: async (r) => { await planActivationWave({ ...base, dispatch }, r); } };
    const deps: WorldDeps = { ...base, dispatch, planning };
    return { deps, db, storeFaults, guardFaults };
  };

  const main = build({ store: options.storeFaults, guard: options.guardFaults }, options.wrapSms);
  // Seeding is not under attack.
  main.storeFaults?.pause();
  await main.deps.registry.put({ plan: city.plan, zones: city.zones, roads: city.roads, crews: city.crews, vehicles: city.vehicles });
  main.storeFaults?.resume();
  return {
    deps: main.deps, city, clock, sns, weather, storeFaults: main.storeFaults, guardFaults: main.guardFaults, db: main.db, names, deadLetters,
    freshDeps: (wrapSms, more) => build({}, wrapSms ?? options.wrapSms, more?.jitterMs).deps,
    async close() {
      for (const c of clients) c.destroy();
      await sns.close();
      await weather.close();
    },
  };
}
