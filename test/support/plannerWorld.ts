import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
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

/** The demo city (or another) seeded into fresh tables on DynamoDB Local, with an SMS outbox and a clock at 08:00 Shanghai. */
export async function plannerWorld(city?: CityFile): Promise<PlannerWorld> {
  const world = await buildWorld('dynamo', { city });
  const dir = await mkdtemp(join(tmpdir(), 'snowops-planner-'));
  const registry = world.deps.registry as DynamoRegistryStore;
  return {
    deps: { ...world.deps, registry, sms: new OutboxSmsSender(join(dir, 'outbox.jsonl'), world.clock) },
    city: world.city, clock: world.clock, db: world.tables.db, names: world.tables.names,
  };
}

// Shared with bench/storm: the booking invariant lives beside the other invariants in local/invariants.
export { bookingProblems, lockItems } from '../../local/invariants/bookingProblems.ts';
