import { dynamoOperations } from '../../functions/adapters/dynamo/dynamoOperations.ts';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { memoryOperations } from '../../functions/adapters/memory/memoryOperations.ts';
import type { MemoryRegistry } from '../../functions/adapters/memory/MemoryRegistry.ts';
import { MemoryRegistryStore } from '../../functions/adapters/memory/MemoryRegistryStore.ts';
import { MemoryResponseLog } from '../../functions/adapters/memory/MemoryResponseLog.ts';
import { UlidGenerator } from '../../functions/adapters/system/UlidGenerator.ts';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import type { SmsSender } from '../../functions/core/ports/SmsSender.ts';
import { loadCityFile } from '../../local/city/loadCityFile.ts';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import { SimulatedClock } from '../../local/runtime/SimulatedClock.ts';
import { localTables } from './localTables.ts';

/** An SmsSender that keeps what it was asked to send (the local outbox without the file). */
export class RecordingSmsSender implements SmsSender {
  readonly sent: { to: string; body: string; idempotencyKey: string }[] = [];
  async send(message: { to: string; body: string; idempotencyKey: string }): Promise<{ providerMessageId: string }> {
    this.sent.push(message);
    return { providerMessageId: `rec-${this.sent.length}` };
  }
}

/** The demo city seeded into fresh tables on DynamoDB Local, with real Dynamo adapters and a movable clock. */
export async function seededDemoCity(start = new Date('2026-12-14T00:00:00Z'), cityFile?: CityFile): Promise<{ deps: CoreDeps & { sms: RecordingSmsSender }; city: CityFile; clock: SimulatedClock; tables: Awaited<ReturnType<typeof localTables>> }> {
  const tables = await localTables();
  const { db, names } = tables;
  const city = cityFile ?? (await loadCityFile());
  const registry = new DynamoRegistryStore(db, names.REGISTRY_TABLE);
  await registry.put(city);
  const ids = new UlidGenerator();
  const clock = new SimulatedClock(start);
  return {
    city,
    clock,
    tables,
    deps: { registry, ...dynamoOperations(db, names.OPERATIONS_TABLE), log: new DynamoResponseLog(db, names.LOG_TABLE, ids), clock, ids, sms: new RecordingSmsSender() },
  };
}

/**
 * The demo city on the in-memory twins (held to the same contract suites as the DynamoDB adapters), for
 * use-case tests: the same deps as seededDemoCity, in milliseconds instead of DynamoDB Local round trips.
 */
export async function demoCityInMemory(start = new Date('2026-12-14T00:00:00Z'), cityFile?: CityFile): Promise<{ deps: CoreDeps & { sms: RecordingSmsSender }; city: CityFile; clock: SimulatedClock; registryData: MemoryRegistry }> {
  const city = cityFile ?? (await loadCityFile());
  // The object every registry twin shares (reads, administrators' writes, imports).
  const registryData: MemoryRegistry = structuredClone({ plan: city.plan, zones: city.zones, depots: city.depots ?? [], roads: city.roads, crews: city.crews, vehicles: city.vehicles });
  const ids = new UlidGenerator();
  const clock = new SimulatedClock(start);
  return { city, clock, registryData, deps: { registry: new MemoryRegistryStore(registryData), ...memoryOperations(), log: new MemoryResponseLog(ids), clock, ids, sms: new RecordingSmsSender() } };
}
