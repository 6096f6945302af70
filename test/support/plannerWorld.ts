import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import type { OperationsMemory } from '../../functions/adapters/memory/OperationsMemory.ts';
import { OutboxSmsSender } from '../../functions/adapters/sms/OutboxSmsSender.ts';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import type { SimulatedClock } from '../../local/runtime/SimulatedClock.ts';
import { buildWorld, type Tables } from './buildWorld.ts';

export interface PlannerWorld {
  deps: CoreDeps & { sms: OutboxSmsSender; registry: DynamoRegistryStore };
  city: CityFile;
  clock: SimulatedClock;
  db: DynamoDBDocumentClient;
  names: Tables['names'];
}

/** The same city on the in-memory twins: `memory` is their shared state, where lockItems and bookingProblems read the locks. */
export interface PlannerMemoryWorld {
  deps: CoreDeps & { sms: OutboxSmsSender };
  city: CityFile;
  clock: SimulatedClock;
  memory: OperationsMemory;
}

const outbox = async (clock: SimulatedClock) => new OutboxSmsSender(join(await mkdtemp(join(tmpdir(), 'snowops-planner-')), 'outbox.jsonl'), clock);

/** The demo city (or another) seeded into fresh tables on DynamoDB Local, with an SMS outbox and a clock at 08:00 Shanghai. */
export async function plannerWorld(city?: CityFile): Promise<PlannerWorld> {
  const world = await buildWorld('dynamo', { city });
  const registry = world.deps.registry as DynamoRegistryStore;
  return {
    deps: { ...world.deps, registry, sms: await outbox(world.clock) },
    city: world.city, clock: world.clock, db: world.tables.db, names: world.tables.names,
  };
}

/**
 * The demo city (or another) on the in-memory twins, held to the DynamoDB adapters by the contract suites: for
 * use-case tests, whose storage behaviour (transactions, chunks, races on the table) stays with plannerWorld's files.
 */
export async function plannerWorldInMemory(city?: CityFile): Promise<PlannerMemoryWorld> {
  const world = await buildWorld('memory', { city });
  return { deps: { ...world.deps, sms: await outbox(world.clock) }, city: world.city, clock: world.clock, memory: world.memory };
}

// Shared with bench/storm: the booking invariant lives beside the other invariants in local/invariants.
export { bookingProblems, lockItems } from '../../local/invariants/bookingProblems.ts';
