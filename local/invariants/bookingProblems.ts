import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OperationsMemory } from '../../functions/adapters/memory/OperationsMemory.ts';
import { queryShards } from '../../functions/adapters/dynamo/queryShards.ts';
import { shardPartitions } from '../../functions/config/operationsKeys.ts';
import { OPEN_TASK_STATES, type Task } from '../../functions/core/operations/Task.ts';

/** Where the operations table is: the booking invariant reads its lock items as stored. */
export interface OperationsTable {
  db: DynamoDBDocumentClient;
  names: { OPERATIONS_TABLE: string };
}

/** Where the locks are: the operations table, or the in-memory twins' shared state (held to the same contract suites). */
export type LockSource = OperationsTable | { memory: OperationsMemory };

export interface LockItem {
  sk: string;
  activationId: string;
  crewId: string;
  vehicleId: string;
  openTasks: number;
  complete: boolean;
}

/** The lock items as stored (every shard, every page), or the twins' locks in their order of keys. */
export async function lockItems(source: LockSource): Promise<LockItem[]> {
  if ('memory' in source) {
    return [...source.memory.locks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([sk, { activationId, crewId, vehicleId, openTasks, complete }]) => ({ sk, activationId, crewId, vehicleId, openTasks, complete }));
  }
  return queryShards<LockItem>(source.db, shardPartitions.locks(), { TableName: source.names.OPERATIONS_TABLE, KeyConditionExpression: 'pk = :pk', ConsistentRead: true });
}

/**
 * Every booking invariant over every task: a crew's open tasks are all with one vehicle and a
 * vehicle's with one crew, in one activation, in order without overlap; a road pass is open or done
 * at most once per activation; each lock names its team and counts exactly its open tasks; no lock
 * without open tasks. Returns the problems found (empty when all hold).
 */
export async function bookingProblems(table: LockSource, tasks: readonly Task[]): Promise<string[]> {
  const problems: string[] = [];
  const open = tasks.filter((t) => OPEN_TASK_STATES.includes(t.state));
  const byCrew = new Map<string, Task[]>();
  const byVehicle = new Map<string, Task[]>();
  for (const t of open) {
    byCrew.set(t.crewId, [...(byCrew.get(t.crewId) ?? []), t]);
    byVehicle.set(t.vehicleId, [...(byVehicle.get(t.vehicleId) ?? []), t]);
  }
  for (const [crew, list] of byCrew) {
    if (new Set(list.map((t) => `${t.activationId}/${t.vehicleId}`)).size > 1) problems.push(`crew ${crew} is on two teams: ${[...new Set(list.map((t) => t.vehicleId))].join(', ')}`);
    const ordered = [...list].sort((a, b) => a.sequence - b.sequence);
    if (new Set(ordered.map((t) => t.sequence)).size !== ordered.length) problems.push(`crew ${crew} has two tasks at one place in its list`);
    ordered.forEach((t, i) => {
      if (i > 0 && Date.parse(t.startBy) < Date.parse(ordered[i - 1]!.passableAt) - 1) problems.push(`crew ${crew}: ${t.code} starts before ${ordered[i - 1]!.code} ends`);
    });
  }
  for (const [vehicle, list] of byVehicle) {
    if (new Set(list.map((t) => `${t.activationId}/${t.crewId}`)).size > 1) problems.push(`vehicle ${vehicle} is with two crews: ${[...new Set(list.map((t) => t.crewId))].join(', ')}`);
  }
  const live = tasks.filter((t) => OPEN_TASK_STATES.includes(t.state) || t.state === 'done' || t.state === 'verified');
  const passes = new Map<string, number>();
  for (const t of live) passes.set(`${t.activationId}/${t.roadId}#${t.pass}`, (passes.get(`${t.activationId}/${t.roadId}#${t.pass}`) ?? 0) + 1);
  for (const [pass, n] of passes) if (n > 1) problems.push(`road pass ${pass} is tasked ${n} times`);
  const locks = await lockItems(table);
  for (const lock of locks) {
    const [kind, id] = [lock.sk.slice(0, lock.sk.indexOf('#')), lock.sk.slice(lock.sk.indexOf('#') + 1)];
    const held = open.filter((t) => t.activationId === lock.activationId && t.crewId === lock.crewId && t.vehicleId === lock.vehicleId).length;
    if ((kind === 'CREW' ? lock.crewId : lock.vehicleId) !== id) problems.push(`lock ${lock.sk} names ${lock.crewId}/${lock.vehicleId}`);
    if (held !== lock.openTasks) problems.push(`lock ${lock.sk} counts ${lock.openTasks} open tasks, its team has ${held}`);
    if (held === 0) problems.push(`lock ${lock.sk} is held with no open task`);
  }
  for (const crew of byCrew.keys()) if (!locks.some((l) => l.sk === `CREW#${crew}`)) problems.push(`crew ${crew} has open tasks but no lock`);
  for (const vehicle of byVehicle.keys()) if (!locks.some((l) => l.sk === `VEHICLE#${vehicle}`)) problems.push(`vehicle ${vehicle} has open tasks but no lock`);
  return problems;
}
