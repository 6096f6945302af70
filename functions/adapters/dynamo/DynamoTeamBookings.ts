import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OPEN_TASK_STATES, type Task } from '../../core/operations/Task.ts';
import type { BookingResult, PassRef, TaskMove, TeamBookings } from '../../core/ports/TeamBookings.ts';
import { OPEN_LANES, operationsKeys, PREFIX, shardPartitions } from '../../config/operationsKeys.ts';
import { shardOf } from '../../config/shardOf.ts';
import { MAX_TRANSACTION_ITEMS, transactAll, transactIf, TransactionConflictError, writeIf, type NamedItem } from './conditionalWrite.ts';
import { batchGetAll } from './batchGetAll.ts';
import { queryShards } from './queryShards.ts';
import { reassignItems } from './reassignItems.ts';
import { restoreOpenMarks } from './openMarks.ts';
import { roadNotRetiring } from './DynamoRoadRetirements.ts';
import { stripKeys } from './stripKeys.ts';
import { taskItem } from './taskItem.ts';
import { coverKey, getLock, type LockItem } from './teamLocks.ts';
import { teamOf } from '../../core/operations/teamOf.ts';

/**
 * Bookings in the operations table, kept by conditional transactions whatever the interleaving:
 *   - a crew and a vehicle are each held by at most one lock item (pk=LOCK#<shard>), naming one team (crew + vehicle)
 *     of one activation, with the number of that team's open tasks;
 *   - a road pass is tasked at most once per activation (a COVER item per road pass);
 *   - no task lands on a road being deleted (a ConditionCheck on the road's RETIRING mark, see DynamoRoadRetirements);
 *   - nothing is booked into a closed activation (a ConditionCheck on one of its open marks, by the caller's lane);
 *   - a team's tasks, claims and locks are written together, and undone together if any part fails.
 */
/**
 * Tasks per booking transaction: each takes up to three items (the task, its road-pass claim, the check on its
 * road), and every transaction keeps three free (the locks and the open check in the first, the locks'
 * completion in the last) within DynamoDB's 100.
 */
const TASKS_PER_TRANSACTION = Math.floor((MAX_TRANSACTION_ITEMS - 3) / 3);

export class DynamoTeamBookings implements TeamBookings {
  constructor(readonly db: DynamoDBDocumentClient, readonly tableName: string) {}

  async bookTeam(tasks: Task[], lane?: number): Promise<BookingResult> {
    const { result, markMissing } = await this.bookTeamOnce(tasks, lane);
    // An open activation from before the open marks existed has none: its marks are written, and the booking sent again.
    if (markMissing && (await restoreOpenMarks(this.db, this.tableName, tasks[0]!.activationId))) return (await this.bookTeamOnce(tasks, lane)).result;
    return result;
  }

  /** One booking; `markMissing` when its lane's open mark was not there (the activation closed, or opened before the marks). */
  private async bookTeamOnce(tasks: Task[], lane?: number): Promise<{ result: BookingResult; markMissing?: boolean }> {
    const team = teamOf(tasks);
    if (!team) return { result: { ok: true } };
    const { activationId, crewId, vehicleId } = team;
    const chunks: Task[][] = [];
    for (let i = 0; i < tasks.length; i += TASKS_PER_TRANSACTION) chunks.push(tasks.slice(i, i + TASKS_PER_TRANSACTION));
    const single = chunks.length === 1;
    const lock = (kind: 'CREW' | 'VEHICLE', id: string): NamedItem => ({ name: `lock:${kind}`, item: { Put: {
      TableName: this.tableName, ConditionExpression: 'attribute_not_exists(pk)',
      Item: { ...operationsKeys.lock(kind, id), activationId, crewId, vehicleId, openTasks: tasks.length, complete: single, bookedAt: tasks[0]!.updatedAt } satisfies LockItem & Record<string, unknown>,
    } } });
    // Nothing is booked into a stood-down activation: one of its open marks must be there (the close deletes them
    // all). Not its record: concurrent bookings checking one item would be cancelled for each other.
    const stillOpen: NamedItem = { name: 'activation', item: { ConditionCheck: {
      TableName: this.tableName, Key: operationsKeys.openLane(activationId, lane ?? shardOf(crewId, OPEN_LANES)), ConditionExpression: 'attribute_exists(pk)',
    } } };
    const head = await transactIf(this.db, [lock('CREW', crewId), lock('VEHICLE', vehicleId), ...this.chunkItems(chunks[0]!, tasks[0]!.updatedAt), stillOpen]).catch((error: unknown) => {
      // Still contended after the retries: refused as such (the planner books another team), not read as a condition.
      if (error instanceof TransactionConflictError) return { outcome: 'refused' as const, refused: ['concurrent'] };
      throw error;
    });
    if (head.outcome === 'refused') return { result: { ok: false, reason: explain(head.refused, tasks, activationId) }, markMissing: head.refused.includes('activation') };
    let written = chunks[0]!.length;
    try {
      for (const [i, chunk] of chunks.entries()) {
        if (i === 0) continue;
        const items = this.chunkItems(chunk, tasks[0]!.updatedAt);
        // The last chunk marks both locks complete.
        if (i === chunks.length - 1) {
          for (const kind of ['CREW', 'VEHICLE'] as const) {
            items.push({ name: `lock:${kind}`, item: { Update: { TableName: this.tableName, Key: operationsKeys.lock(kind, kind === 'CREW' ? crewId : vehicleId), UpdateExpression: 'SET complete = :t', ConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':t': true, ':a': activationId } } } });
          }
        }
        const out = await transactIf(this.db, items);
        if (out.outcome === 'refused') {
          await this.undo(tasks.slice(0, written), crewId, vehicleId, activationId);
          return { result: { ok: false, reason: explain(out.refused, tasks, activationId) } };
        }
        written += chunk.length;
      }
    } catch (error) {
      await this.undo(tasks.slice(0, written), crewId, vehicleId, activationId);
      throw error;
    }
    return { result: { ok: true } };
  }

  /** A chunk's tasks, their road-pass claims, and one check per road that no deletion of it is under way at the booking's time. */
  private chunkItems(chunk: readonly Task[], at: string): NamedItem[] {
    return [
      ...chunk.flatMap((t): NamedItem[] => [
        { name: `task:${t.id}`, item: { Put: { TableName: this.tableName, Item: taskItem(t), ConditionExpression: 'attribute_not_exists(pk)' } } },
        { name: `claim:${t.id}`, item: { Put: { TableName: this.tableName, Item: { ...coverKey(t), taskId: t.id, crewId: t.crewId, vehicleId: t.vehicleId }, ConditionExpression: 'attribute_not_exists(pk)' } } },
      ]),
      ...[...new Set(chunk.map((t) => t.roadId))].map((roadId) => roadNotRetiring(this.tableName, roadId, at)),
    ];
  }

  async findCovers(activationId: string, passes: readonly PassRef[]): Promise<Map<string, string>> {
    const keyed = new Map(passes.map((p) => [`${p.roadId}#${p.pass}`, operationsKeys.cover(activationId, p.roadId, p.pass)]));
    const items = await batchGetAll(this.db, this.tableName, [...keyed.values()], `road-pass covers of ${activationId}`);
    const held = new Map(items.map((item) => [`${String(item.pk)}|${String(item.sk)}`, item.taskId as string]));
    const found = new Map<string, string>();
    for (const [pass, key] of keyed) {
      const taskId = held.get(`${key.pk}|${key.sk}`);
      if (taskId !== undefined) found.set(pass, taskId);
    }
    return found;
  }

  async unbookTeam(tasks: Task[]): Promise<void> {
    const first = tasks[0];
    if (first) await this.undo(tasks, first.crewId, first.vehicleId, first.activationId);
  }

  async reassignTask(task: Task, to: TaskMove, at: string): Promise<BookingResult> {
    if (!OPEN_TASK_STATES.includes(task.state)) return { ok: false, reason: `task ${task.code} is ${task.state}, not open` };
    if (to.crewId === task.crewId && to.vehicleId === task.vehicleId) return { ok: false, reason: `task ${task.code} is already with that team` };
    const [oldCrew, oldVehicle, newCrew, newVehicle] = await Promise.all([
      getLock(this.db, this.tableName, 'CREW', task.crewId), getLock(this.db, this.tableName, 'VEHICLE', task.vehicleId),
      getLock(this.db, this.tableName, 'CREW', to.crewId), getLock(this.db, this.tableName, 'VEHICLE', to.vehicleId),
    ]);
    const plan = reassignItems(this.tableName, task, to, at, { oldCrew, oldVehicle, newCrew, newVehicle });
    if ('refusal' in plan) return { ok: false, reason: plan.refusal };
    const out = await transactIf(this.db, plan.items);
    if (out.outcome === 'written') return { ok: true };
    return { ok: false, reason: out.refused.includes('task') ? `task ${task.code} changed meanwhile; reload and try again` : 'the target team changed meanwhile; reload and try again' };
  }

  async listBusy(): Promise<{ crewIds: Set<string>; vehicleIds: Set<string> }> {
    const locks = await queryShards<{ sk: string }>(this.db, shardPartitions.locks(), { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ProjectionExpression: 'sk', ConsistentRead: true });
    const crewIds = new Set<string>();
    const vehicleIds = new Set<string>();
    for (const { sk } of locks) {
      const cut = sk.indexOf('#');
      (sk.slice(0, cut) === 'CREW' ? crewIds : vehicleIds).add(sk.slice(cut + 1));
    }
    return { crewIds, vehicleIds };
  }

  /**
   * Undoes bookings a crashed writer left half-written: locks still marked incomplete since before
   * `olderThan` lose their team's tasks, claims and locks. Returns how many teams were undone.
   */
  async repairIncompleteBookings(olderThan: string): Promise<number> {
    const locks = await queryShards<LockItem & { sk: string; bookedAt?: string }>(this.db, shardPartitions.locks(), {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ExpressionAttributeValues: { ':c': 'CREW#' }, ConsistentRead: true,
    });
    let repaired = 0;
    for (const lock of locks) {
      if (lock.complete !== false || (lock.bookedAt ?? '') >= olderThan) continue;
      const items = await queryShards<Record<string, unknown>>(this.db, shardPartitions.ofActivation(lock.activationId, 'task'), {
        TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)', ExpressionAttributeValues: { ':t': PREFIX.task }, ConsistentRead: true,
      });
      const tasks = items.map((i) => stripKeys<Task>(i)).filter((t) => t.crewId === lock.crewId && t.vehicleId === lock.vehicleId && OPEN_TASK_STATES.includes(t.state));
      await this.undo(tasks, lock.crewId, lock.vehicleId, lock.activationId);
      repaired++;
    }
    return repaired;
  }

  /** Deletes a team's written tasks and claims, and its locks when they are still this team's. */
  private async undo(tasks: Task[], crewId: string, vehicleId: string, activationId: string): Promise<void> {
    const deletes = tasks.flatMap((t): NamedItem[] => [
      { name: `task:${t.id}`, item: { Delete: { TableName: this.tableName, Key: operationsKeys.task(t.activationId, t.id) } } },
      { name: `claim:${t.id}`, item: { Delete: { TableName: this.tableName, Key: coverKey(t), ConditionExpression: 'attribute_not_exists(pk) OR taskId = :id', ExpressionAttributeValues: { ':id': t.id } } } },
    ]);
    for (let i = 0; i < deletes.length; i += MAX_TRANSACTION_ITEMS) await transactAll(this.db, deletes.slice(i, i + MAX_TRANSACTION_ITEMS));
    for (const [kind, id] of [['CREW', crewId], ['VEHICLE', vehicleId]] as const) {
      // Refused when it is another team's lock by now: not ours to remove.
      await writeIf(this.db, { Delete: { TableName: this.tableName, Key: operationsKeys.lock(kind, id), ConditionExpression: 'activationId = :a AND crewId = :c AND vehicleId = :v', ExpressionAttributeValues: { ':a': activationId, ':c': crewId, ':v': vehicleId } } });
    }
  }
}

/** Says which condition refused a booking, from the names of the refused items. */
function explain(refused: readonly string[], tasks: readonly Task[], activationId: string): string {
  const first = tasks[0]!;
  if (refused.includes('activation')) return `activation ${activationId} is no longer open`;
  if (refused.includes('lock:CREW')) return `crew ${first.crewId} is already booked`;
  if (refused.includes('lock:VEHICLE')) return `vehicle ${first.vehicleId} is already booked`;
  const retiring = tasks.find((t) => refused.includes(`road:${t.roadId}`));
  if (retiring) return `road ${retiring.roadName} is being deleted from the registry`;
  for (const name of refused) {
    const [kind, id] = [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)];
    const t = tasks.find((x) => x.id === id);
    if (t && kind === 'claim') return `road pass ${t.roadName} (${t.pass}) is already tasked in this activation`;
    if (t && kind === 'task') return `task ${t.code} already exists`;
  }
  return refused.includes('concurrent') ? 'a concurrent booking touched the same items' : `booking refused (${refused.join(', ')})`;
}
