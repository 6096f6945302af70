import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import type { OperationsPorts } from '../../functions/core/ports/OperationsPorts.ts';
import { PowertoolsAttemptGuard } from '../../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { JsonlDeadLetterQueue } from '../../functions/adapters/queue/JsonlDeadLetterQueue.ts';
import { SnsOptOutChecker } from '../../functions/adapters/sms/SnsOptOutChecker.ts';
import { SnsSmsSender } from '../../functions/adapters/sms/SnsSmsSender.ts';
import { systemTimer } from '../../functions/adapters/system/SystemTimer.ts';
import { toTasks } from '../../functions/core/activation/toTasks.ts';
import type { MessagingDeps } from '../../functions/core/dispatch/MessagingDeps.ts';
import type { RetryPolicy } from '../../functions/core/dispatch/RetryPolicy.ts';
import { TokenBucket } from '../../functions/core/dispatch/TokenBucket.ts';
import type { ActiveLevel } from '../../functions/core/levels/ResponseLevel.ts';
import type { Activation } from '../../functions/core/operations/Activation.ts';
import type { Task } from '../../functions/core/operations/Task.ts';
import type { Messaging } from '../../functions/core/ports/Messaging.ts';
import { cityPlanSchema, type CityPlan } from '../../functions/core/registry/CityPlan.ts';
import type { Crew } from '../../functions/core/registry/Crew.ts';
import type { Road } from '../../functions/core/registry/Road.ts';
import type { Vehicle } from '../../functions/core/registry/Vehicle.ts';
import { LOCAL_AWS } from '../../local/dynamo/startDynamoLocal.ts';
import type { SimulatedClock } from '../../local/runtime/SimulatedClock.ts';
import { startSnsServer, type SnsServer, type SnsServerOptions } from '../../local/sns/startSnsServer.ts';
import { buildWorld, type SeedCity } from './buildWorld.ts';
import { dynamoIdempotencyStore } from '../../functions/adapters/idempotency/dynamoIdempotencyStore.ts';
import { MemoryIdempotencyStore } from '../../functions/adapters/idempotency/MemoryIdempotencyStore.ts';

export const DUTY_OFFICER = '+8613900009999';

/** A small made-up city: one zone, three plough crews (C02's leader reads English), three ploughs, three tier-1 roads. */
export const PLAN: CityPlan = cityPlanSchema.parse({
  id: 'test-plan', city: '测试市', timeZone: 'Asia/Shanghai', defaultLanguage: 'zh-CN', activationPolicy: 'auto',
  tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] }, shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 30,
  dutyOfficerPhone: DUTY_OFFICER,
});
const crew = (n: number, language: 'zh-CN' | 'en' = 'zh-CN'): Crew => ({
  id: `C0${n}`, name: `环卫${n}班`, zoneId: 'z1', depot: '一号车场', size: 4, certified: ['plough'],
  leader: { name: `班长${n}`, phone: `+86139000001${String(n).padStart(2, '0')}`, language },
  backup: { name: `代班${n}`, phone: `+86139000002${String(n).padStart(2, '0')}`, language },
});
export const CREWS: Crew[] = [crew(1), crew(2, 'en'), crew(3)];
export const ROADS: Road[] = [1, 2, 3].map((n) => ({ id: `R${n}`, name: `${['人民', '解放', '塔南'][n - 1]}路`, zoneId: 'z1', tier: 1, laneKm: 2, latitude: 35.2, longitude: 113.2, passes: ['plough'], agentAllowed: true }));
export const VEHICLES: Vehicle[] = [1, 2, 3].map((n) => ({ id: `V${n}`, label: `豫H铲00${n}`, class: 'plough', zoneId: 'z1', depot: '一号车场', status: 'ready', workRateLaneKmPerH: 10, chlorideAgent: false }));

export interface MessagingWorld extends OperationsPorts {
  deps: CoreDeps & MessagingDeps & { messaging: Messaging };
  clock: SimulatedClock;
  sns: SnsServer;
  deadLetters: JsonlDeadLetterQueue;
  /** Opens an activation and books the given crews on the given roads (one task each, codes T01…), tasks "planned". */
  activate(teams: { crewId: string; roadIds: string[] }[], level?: ActiveLevel): Promise<{ activation: Activation; tasks: Task[] }>;
  /** Books C02 on `n` passes of roads of its own (X0…, tier 3) in the activation, codes from T03: a crew with many tasks. */
  crewWithTasks(activationId: string, n: number): Promise<Task[]>;
  /** SMS the endpoint accepted for a phone. */
  smsTo(phone: string): string[];
  close(): Promise<void>;
}

/** The world on DynamoDB Local, with the client under its stores and guard (to meter what a step reads or writes). */
export interface DynamoMessagingWorld extends MessagingWorld {
  client: DynamoDBClient;
}

export interface MessagingWorldOptions {
  sns?: SnsServerOptions;
  partsPerSecond?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Where the stores and the attempt guard's records are: the in-memory twins (the default; held to the DynamoDB
   * adapters by the contract suites), or fresh tables on DynamoDB Local, for tests of what the storage is sent.
   */
  storage?: 'memory' | 'dynamo';
}

const CITY: SeedCity = { plan: PLAN, zones: [{ id: 'z1', name: '一区', responsibleUnit: '一区环卫', latitude: 35.2, longitude: 113.2, providers: ['open-meteo'] }], roads: ROADS, crews: CREWS, vehicles: VEHICLES };

/**
 * The small city seeded on the in-memory twins (or DynamoDB Local), the local SNS-like endpoint, the real SNS adapter,
 * Powertools attempt guard, a clock the test moves.
 */
export async function messagingWorld(options: MessagingWorldOptions & { storage: 'dynamo' }): Promise<DynamoMessagingWorld>;
export async function messagingWorld(options?: MessagingWorldOptions): Promise<MessagingWorld>;
export async function messagingWorld(options: MessagingWorldOptions = {}): Promise<MessagingWorld | DynamoMessagingWorld> {
  const world = options.storage === 'dynamo' ? await buildWorld('dynamo', { city: CITY }) : await buildWorld('memory', { city: CITY });
  const { clock, ids } = world;
  const tables = 'tables' in world ? world.tables : undefined;
  const { registry, log, clock: _clock, ids: _ids, ...ops } = world.deps;
  const sns = await startSnsServer(options.sns);
  const snsClient = new SNSClient({ endpoint: sns.endpoint, maxAttempts: 1, ...LOCAL_AWS });
  const deadLetters = new JsonlDeadLetterQueue(join(await mkdtemp(join(tmpdir(), 'snowops-dlq-')), 'dead-letters.jsonl'));
  const messaging: Messaging = {
    guard: new PowertoolsAttemptGuard({ persistenceStore: tables ? dynamoIdempotencyStore(tables.names.IDEMPOTENCY_TABLE, tables.client) : new MemoryIdempotencyStore() }),
    limiter: new TokenBucket({ partsPerSecond: options.partsPerSecond ?? 2000, now: systemTimer.now, sleep: systemTimer.sleep }),
    optOut: new SnsOptOutChecker(snsClient),
    deadLetters,
    retry: { maxTries: 4, baseDelayMs: 5, maxDelayMs: 20, ...options.retry },
    sleep: systemTimer.sleep,
    random: Math.random,
    concurrency: 4,
  };
  const deps = { registry, ...ops, log, clock, ids, sms: new SnsSmsSender(snsClient, { signature: '扫雪' }), messaging };
  let index = 0;
  async function book(tasks: Task[]): Promise<void> {
    const booked = await ops.bookings.bookTeam(tasks);
    if (!booked.ok) throw new Error(booked.reason);
  }
  return {
    deps, clock, sns, deadLetters, ...ops, ...(tables ? { client: tables.client } : {}),
    async activate(teams, level = 'II') {
      const at = clock.now().toISOString();
      const activation: Activation = { id: `act-${ids.next()}`, level, zoneLevels: { z1: level }, status: 'open', openedAt: at, openedBy: 'test', reason: 'test', evidenceCount: 0, wave: 1 };
      await ops.activations.createActivation(activation, []);
      const tasks: Task[] = [];
      for (const team of teams) {
        const vehicle = VEHICLES[CREWS.findIndex((c) => c.id === team.crewId)]!;
        const planned = toTasks({
          crewId: team.crewId, vehicleId: vehicle.id, vehicleLabel: vehicle.label, vehicleClass: 'plough', depot: vehicle.depot, lent: false,
          tasks: team.roadIds.map((roadId, i) => ({ roadId, roadName: ROADS.find((r) => r.id === roadId)!.name, zoneId: 'z1', tier: 1 as const, pass: 'plough' as const, laneKm: 2, sequence: i + 1, startBy: '2026-12-14T00:30:00Z', passableAt: '2026-12-14T01:30:00Z', travelKm: 0 })),
        }, activation.id, index, 1, at);
        index += planned.length;
        await book(planned);
        tasks.push(...planned);
      }
      return { activation, tasks };
    },
    async crewWithTasks(activationId, n) {
      const v2 = VEHICLES[1]!;
      const tasks = toTasks({
        crewId: 'C02', vehicleId: v2.id, vehicleLabel: v2.label, vehicleClass: 'plough', depot: v2.depot, lent: false,
        tasks: Array.from({ length: n }, (_, i) => ({
          roadId: `X${i}`, roadName: `${i}号巷`, zoneId: 'z1', tier: 3 as const, pass: 'plough' as const, laneKm: 1, sequence: i + 1,
          startBy: '2026-12-14T00:30:00Z', passableAt: '2026-12-14T00:30:00Z', travelKm: 0,
        })),
      }, activationId, 2, 1, clock.now().toISOString());
      await book(tasks);
      return tasks;
    },
    smsTo: (phone) => sns.published.filter((p) => p.phoneNumber === phone).map((p) => p.message),
    async close() {
      snsClient.destroy();
      tables?.client.destroy();
      await sns.close();
    },
  };
}
