import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoOperations } from '../../functions/adapters/dynamo/dynamoOperations.ts';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { OutboxSmsSender } from '../../functions/adapters/sms/OutboxSmsSender.ts';
import { UlidGenerator } from '../../functions/adapters/system/UlidGenerator.ts';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import { loadCityFile } from '../../local/city/loadCityFile.ts';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import { SimulatedClock } from '../../local/runtime/SimulatedClock.ts';
import { localTables } from './localTables.ts';

export interface PlannerWorld {
  deps: CoreDeps & { sms: OutboxSmsSender; registry: DynamoRegistryStore };
  city: CityFile;
  clock: SimulatedClock;
  db: DynamoDBDocumentClient;
  names: Awaited<ReturnType<typeof localTables>>['names'];
}

/** The demo city (or another) seeded into fresh tables on DynamoDB Local, with an SMS outbox and a clock at 08:00 Shanghai. */
export async function plannerWorld(city?: CityFile): Promise<PlannerWorld> {
  const { db, names } = await localTables();
  const seeded = city ?? (await loadCityFile());
  const registry = new DynamoRegistryStore(db, names.REGISTRY_TABLE);
  await registry.put(seeded);
  const clock = new SimulatedClock(new Date('2026-12-14T00:00:00Z'));
  const ids = new UlidGenerator();
  const dir = await mkdtemp(join(tmpdir(), 'snowops-planner-'));
  return {
    deps: { registry, ...dynamoOperations(db, names.OPERATIONS_TABLE), log: new DynamoResponseLog(db, names.LOG_TABLE, ids), clock, ids, sms: new OutboxSmsSender(join(dir, 'outbox.jsonl'), clock) },
    city: seeded, clock, db, names,
  };
}

// Shared with bench/storm: the booking invariant lives beside the other invariants in local/invariants.
export { bookingProblems, lockItems } from '../../local/invariants/bookingProblems.ts';
