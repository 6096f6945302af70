import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoOperations } from '../../functions/adapters/dynamo/dynamoOperations.ts';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { memoryOperations } from '../../functions/adapters/memory/memoryOperations.ts';
import type { MemoryRegistry } from '../../functions/adapters/memory/MemoryRegistry.ts';
import type { OperationsMemory } from '../../functions/adapters/memory/OperationsMemory.ts';
import { MemoryRegistryStore } from '../../functions/adapters/memory/MemoryRegistryStore.ts';
import { MemoryResponseLog } from '../../functions/adapters/memory/MemoryResponseLog.ts';
import { UlidGenerator } from '../../functions/adapters/system/UlidGenerator.ts';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import { loadCityFile } from '../../local/city/loadCityFile.ts';
import { SimulatedClock } from '../../local/runtime/SimulatedClock.ts';
import { localTables } from './localTables.ts';

/** Where a world keeps its state: fresh tables on DynamoDB Local, or the in-memory twins (one contract suite holds both). */
export type Storage = 'dynamo' | 'memory';

export type Tables = Awaited<ReturnType<typeof localTables>>;
export type TableNames = Tables['names'];

/** What a world seeds into the registry: a city file, or a city made up by the test. */
export type SeedCity = Omit<MemoryRegistry, 'depots' | 'revisions'> & { depots?: MemoryRegistry['depots'] };

export interface WorldOptions<C extends SeedCity> {
  /** The city seeded into the registry (default: the demo city, local/demo-city/jiaozuo.json). */
  city?: C;
  /** Where the simulated clock starts (default 2026-12-14T00:00:00Z, 08:00 in Jiaozuo). */
  start?: Date | string;
}

interface WorldBase<C> {
  deps: CoreDeps;
  city: C;
  clock: SimulatedClock;
  ids: UlidGenerator;
}

export type DynamoWorld<C = CityFile> = WorldBase<C> & { tables: Tables };
/** `memory` is the state the operations twins share (where a test reads the locks, as it reads lock items on a table). */
export type MemoryWorld<C = CityFile> = WorldBase<C> & { registryData: MemoryRegistry; memory: OperationsMemory };

export const DEFAULT_START = '2026-12-14T00:00:00Z';

/** The core's stores over given DynamoDB tables: registry, operations and response log. */
export function dynamoStores(db: DynamoDBDocumentClient, names: Pick<TableNames, 'REGISTRY_TABLE' | 'OPERATIONS_TABLE' | 'LOG_TABLE'>, ids: UlidGenerator) {
  return { registry: new DynamoRegistryStore(db, names.REGISTRY_TABLE), ...dynamoOperations(db, names.OPERATIONS_TABLE), log: new DynamoResponseLog(db, names.LOG_TABLE, ids) };
}

/**
 * The one fixture builder: a city seeded into the chosen storage, the core's stores over it, a clock the
 * test moves and an id generator. The named worlds (demo city, planner, messaging, console, polls) add
 * their senders, servers and providers on top of it.
 */
export async function buildWorld<C extends SeedCity = CityFile>(storage: 'dynamo', options?: WorldOptions<C>): Promise<DynamoWorld<C>>;
export async function buildWorld<C extends SeedCity = CityFile>(storage: 'memory', options?: WorldOptions<C>): Promise<MemoryWorld<C>>;
export async function buildWorld<C extends SeedCity>(storage: Storage, options: WorldOptions<C> = {}): Promise<DynamoWorld<C> | MemoryWorld<C>> {
  const city = options.city ?? ((await loadCityFile()) as unknown as C);
  const clock = new SimulatedClock(new Date(options.start ?? DEFAULT_START));
  const ids = new UlidGenerator();
  if (storage === 'memory') {
    // The object every registry twin shares (reads, administrators' writes, imports).
    const registryData: MemoryRegistry = structuredClone({ plan: city.plan, zones: city.zones, depots: city.depots ?? [], roads: city.roads, crews: city.crews, vehicles: city.vehicles });
    const operations = memoryOperations();
    return { city, clock, ids, registryData, memory: operations.memory, deps: { registry: new MemoryRegistryStore(registryData), ...operations, log: new MemoryResponseLog(ids), clock, ids } };
  }
  const tables = await localTables();
  const stores = dynamoStores(tables.db, tables.names, ids);
  await stores.registry.put(city);
  return { city, clock, ids, tables, deps: { ...stores, clock, ids } };
}
