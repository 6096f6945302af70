import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoOperations } from '../../functions/adapters/dynamo/dynamoOperations.ts';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { PowertoolsAttemptGuard } from '../../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { SnsOptOutChecker } from '../../functions/adapters/sms/SnsOptOutChecker.ts';
import { SnsSmsSender } from '../../functions/adapters/sms/SnsSmsSender.ts';
import { systemTimer } from '../../functions/adapters/system/SystemTimer.ts';
import { UlidGenerator } from '../../functions/adapters/system/UlidGenerator.ts';
import { OpenMeteoProvider } from '../../functions/adapters/weather/OpenMeteoProvider.ts';
import { ALL_TABLES } from '../../functions/config/tables.ts';
import { DEFAULT_RETRY_POLICY } from '../../functions/core/dispatch/RetryPolicy.ts';
import { TokenBucket } from '../../functions/core/dispatch/TokenBucket.ts';
import { smsSegments } from '../../functions/core/messages/smsSegments.ts';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import type { DeadLetter } from '../../functions/core/ports/DeadLetterQueue.ts';
import type { ForecastProvider } from '../../functions/core/ports/ForecastProvider.ts';
import type { Messaging } from '../../functions/core/ports/Messaging.ts';
import type { SmsSender } from '../../functions/core/ports/SmsSender.ts';
import { createTables } from '../../local/dynamo/createTables.ts';
import { LOCAL_AWS, startDynamoLocal, type DynamoLocal } from '../../local/dynamo/startDynamoLocal.ts';
import type { InvariantWorld } from '../../local/invariants/invariants.ts';
import { SendLog } from '../../local/invariants/SendLog.ts';
import { SimulatedClock } from '../../local/runtime/SimulatedClock.ts';
import { startSnsServer, type SnsServer } from '../../local/sns/startSnsServer.ts';
import { openMeteoRoute, startWeatherServer, type ReplayRoute, type WeatherServer } from '../../local/weather/startWeatherServer.ts';
import { DynamoMeter } from './DynamoMeter.ts';
import { QueuedDispatch } from './QueuedDispatch.ts';
import { QueuedPlanning } from './QueuedPlanning.ts';
import type { StormCity } from './stormCity.ts';
import { dynamoIdempotencyStore } from '../../functions/adapters/idempotency/dynamoIdempotencyStore.ts';

/** One SMS the endpoint accepted: its exactly-once key, parts, and when (wall ms, performance.now; simulated ISO time). */
export interface PublishedSms { key: string; to: string; parts: number; wallMs: number; simAt: string }

type Stores = CoreDeps & { registry: DynamoRegistryStore };

export interface StormRig {
  clock: SimulatedClock;
  meter: DynamoMeter;
  sends: SendLog;
  published: PublishedSms[];
  sns: SnsServer;
  queue: QueuedDispatch;
  planning: QueuedPlanning;
  deadLetters: DeadLetter[];
  /** The forecast poller's ports as deployed (buildCoreDeps): stores and SNS, no messaging of its own; its waves are queued for the planner. */
  poller: Stores & { sms: SmsSender; providers: ReadonlyMap<string, ForecastProvider>; dispatch: QueuedDispatch; planning: QueuedPlanning };
  /** The activation planner's (buildStores): it books a wave and queues it for the dispatcher, handing each team as it lands. */
  planner: Stores & { dispatch: QueuedDispatch };
  /** The dispatcher's, escalator's and sms-inbound's ports (buildCoreDeps + buildMessaging). */
  messaging: Stores & { sms: SmsSender; messaging: Messaging };
  invariantWorld: InvariantWorld;
  /** What the weather replay server answers from now on (an Open-Meteo body). */
  forecast(body: string): void;
  close(): Promise<void>;
}

export interface RigOptions {
  city: StormCity;
  start: Date;
  forecast: string;
  partsPerSecond: number;
  concurrency: number;
}

/**
 * DynamoDB Local with the stack's tables and the city seeded; the local SNS-like endpoint (account rate
 * `partsPerSecond`, the opted-out leaders on its list) behind the real SNS client and SnsSmsSender; the
 * weather replay server behind the real Open-Meteo client; every DynamoDB client metered. The clock is
 * simulated (reply delays, escalation deadlines); SMS pacing and everything measured run on real time.
 */
export async function startStormRig(options: RigOptions): Promise<StormRig> {
  // Two minutes, not the tests' 30 s: a bench is run on a loaded machine too, where the JVM starts slowly.
  const dynamo: DynamoLocal = await startDynamoLocal(120_000);
  const closers: (() => unknown)[] = [() => dynamo.stop()];
  try {
    const meter = new DynamoMeter();
    const client = (): DynamoDBClient => {
      const c = new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS });
      meter.attach(c);
      closers.push(() => c.destroy());
      return c;
    };
    const storesClient = client();
    const names = (await createTables(storesClient, ALL_TABLES, 'storm-')) as Record<'REGISTRY_TABLE' | 'OPERATIONS_TABLE' | 'LOG_TABLE' | 'IDEMPOTENCY_TABLE', string>;
    const db = DynamoDBDocumentClient.from(storesClient, { marshallOptions: { removeUndefinedValues: true } });
    const clock = new SimulatedClock(options.start);
    const ids = new UlidGenerator();
    const registry = new DynamoRegistryStore(db, names.REGISTRY_TABLE);
    const { optedOutLeaders, ...records } = options.city;
    await registry.put(records);
    const stores: Stores = { registry, ...dynamoOperations(db, names.OPERATIONS_TABLE), log: new DynamoResponseLog(db, names.LOG_TABLE, ids), clock, ids };

    const sns = await startSnsServer({ maxPartsPerSecond: options.partsPerSecond, optedOut: optedOutLeaders });
    closers.push(() => sns.close());
    const snsClient = new SNSClient({ endpoint: sns.endpoint, maxAttempts: 1, ...LOCAL_AWS });
    closers.push(() => snsClient.destroy());
    const published: PublishedSms[] = [];
    const sends = new SendLog((m) => published.push({ key: m.idempotencyKey, to: m.to, parts: smsSegments(m.body).segments, wallMs: performance.now(), simAt: clock.now().toISOString() }));
    const sms = sends.wrap(new SnsSmsSender(snsClient));

    let route = openMeteoRoute(options.forecast);
    const weather: WeatherServer = await startWeatherServer([(req, url) => route(req, url)] satisfies ReplayRoute[]);
    closers.push(() => weather.close());
    const providers = new Map<string, ForecastProvider>([['open-meteo', new OpenMeteoProvider({ baseUrl: weather.baseUrl, timeoutMs: 5000 }, clock)]]);

    const deadLetters: DeadLetter[] = [];
    const messaging: Messaging = {
      guard: new PowertoolsAttemptGuard({ persistenceStore: dynamoIdempotencyStore(names.IDEMPOTENCY_TABLE, client()) }),
      limiter: new TokenBucket({ partsPerSecond: options.partsPerSecond, now: systemTimer.now, sleep: systemTimer.sleep }),
      optOut: new SnsOptOutChecker(snsClient),
      deadLetters: { send: async (letter) => { deadLetters.push(letter); } },
      retry: DEFAULT_RETRY_POLICY,
      sleep: systemTimer.sleep,
      random: Math.random,
      concurrency: options.concurrency,
    };
    const queue = new QueuedDispatch();
    const planning = new QueuedPlanning();
    return {
      clock, meter, sends, published, sns, queue, planning, deadLetters,
      poller: { ...stores, sms, providers, dispatch: queue, planning },
      planner: { ...stores, dispatch: queue },
      messaging: { ...stores, sms, messaging },
      invariantWorld: { deps: stores, db, names },
      forecast: (body) => { route = openMeteoRoute(body); },
      close: async () => { for (const close of closers.reverse()) await close(); },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close();
    throw error;
  }
}
