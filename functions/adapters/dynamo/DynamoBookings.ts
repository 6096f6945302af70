import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';
import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import type { BookingResult, TaskMove, TransitionGuard } from '../../core/ports/OperationsStore.ts';
import { taskItem } from './taskItem.ts';
import { cancellationCodes, MAX_TRANSACTION_ITEMS, transactWrite, type TransactItem } from './transactWrite.ts';

/** Tries of a close whose team's locks another close changed meanwhile. */
const LOCK_ROUNDS = 8;

/** A crew's or a vehicle's lock: which team holds it and how many open tasks keep it held. */
interface LockItem {
  activationId: string;
  crewId: string;
  vehicleId: string;
  openTasks: number;
  /** False while a team of more than one transaction is still being written. */
  complete: boolean;
}

const lockKey = (kind: 'CREW' | 'VEHICLE', id: string) => ({ pk: 'LOCK', sk: `${kind}#${id}` });
const coverKey = (t: Task) => ({ pk: `ACT#${t.activationId}`, sk: `COVER#${t.roadId}#${t.pass}` });

function isConditionFailure(error: unknown): boolean {
  return error instanceof TransactionCanceledException || (error instanceof Error && error.name === 'ConditionalCheckFailedException');
}

/**
 * Bookings in the operations table. Invariants, kept by conditional transactions whatever the
 * interleaving:
 *   - a crew and a vehicle are each held by at most one lock item, naming one team (crew + vehicle)
 *     of one activation, with the number of that team's open tasks;
 *   - a road pass is tasked at most once per activation (a COVER item per road pass);
 *   - a team's tasks, claims and locks are written together, and undone together if any part fails.
 */
export class DynamoBookings {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async bookTeam(tasks: Task[]): Promise<BookingResult> {
    const first = tasks[0];
    if (!first) return { ok: true };
    const { activationId, crewId, vehicleId } = first;
    if (tasks.some((t) => t.crewId !== crewId || t.vehicleId !== vehicleId || t.activationId !== activationId)) {
      throw new Error('bookTeam: every task of a team must have the same activation, crew and vehicle');
    }
    // Two items per task (the task and its road-pass claim); the locks ride with the first chunk.
    const pairs = tasks.map((t) => [
      { Put: { TableName: this.tableName, Item: taskItem(t), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { ...coverKey(t), taskId: t.id, crewId, vehicleId }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ] satisfies TransactItem[]);
    const perChunk = Math.floor(MAX_TRANSACTION_ITEMS / 2);
    // The first chunk also carries the two locks and the check that the activation is open.
    const firstCount = Math.min(pairs.length, perChunk - 2);
    const single = firstCount === pairs.length;
    const lock = (kind: 'CREW' | 'VEHICLE', id: string): TransactItem => ({
      Put: {
        TableName: this.tableName,
        Item: { ...lockKey(kind, id), activationId, crewId, vehicleId, openTasks: tasks.length, complete: single, bookedAt: first.updatedAt } satisfies LockItem & Record<string, unknown>,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    // Last, so the items before keep their places in the cancellation reasons: nothing is booked into a stood-down activation.
    const stillOpen: TransactItem = { ConditionCheck: { TableName: this.tableName, Key: { pk: `ACT#${activationId}`, sk: 'META' }, ConditionExpression: '#status = :open', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':open': 'open' } } };
    const head: TransactItem[] = [lock('CREW', crewId), lock('VEHICLE', vehicleId), ...pairs.slice(0, firstCount).flat(), stillOpen];
    try {
      await this.send(head);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      if (codes[head.length - 1] === 'ConditionalCheckFailed') return { ok: false, reason: `activation ${activationId} is no longer open` };
      return { ok: false, reason: this.explain(codes, tasks, 0) };
    }
    let written = firstCount;
    try {
      while (written < pairs.length) {
        const count = Math.min(perChunk, pairs.length - written);
        const last = written + count === pairs.length;
        const items: TransactItem[] = pairs.slice(written, written + count).flat();
        if (last) {
          // The last chunk marks both locks complete; it gives up a task to make room.
          const room = MAX_TRANSACTION_ITEMS - 2;
          if (items.length > room) {
            const fit = Math.floor(room / 2);
            await this.send(pairs.slice(written, written + fit).flat());
            written += fit;
            continue;
          }
          for (const [kind, id] of [['CREW', crewId], ['VEHICLE', vehicleId]] as const) {
            items.push({ Update: { TableName: this.tableName, Key: lockKey(kind, id), UpdateExpression: 'SET complete = :t', ConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':t': true, ':a': activationId } } });
          }
        }
        await this.send(items);
        written += count;
      }
    } catch (error) {
      const codes = cancellationCodes(error);
      await this.undo(tasks.slice(0, written), crewId, vehicleId, activationId);
      if (!codes) throw error;
      return { ok: false, reason: this.explain(codes, tasks, written) };
    }
    return { ok: true };
  }

  async unbookTeam(tasks: Task[]): Promise<void> {
    const first = tasks[0];
    if (!first) return;
    await this.undo(tasks, first.crewId, first.vehicleId, first.activationId);
  }

  async reserveTaskCodes(activationId: string, count: number): Promise<number> {
    const out = await this.db.send(new UpdateCommand({
      TableName: this.tableName,
      Key: { pk: `ACT#${activationId}`, sk: 'TASKSEQ' },
      UpdateExpression: 'ADD nextIndex :n',
      ExpressionAttributeValues: { ':n': count },
      ReturnValues: 'UPDATED_NEW',
    }));
    return (out.Attributes?.nextIndex as number) - count;
  }

  /**
   * Closes a task (done, cannot, cancelled…) and counts it off its team's locks in one transaction; the
   * close of the team's last open task deletes the locks in that same transaction, so no crash or retry
   * between the two can leave a crew or vehicle held by nothing. False when the task had left `from`.
   */
  async closeTask(task: Task, from: TaskState, to: TaskState, at: string, guard?: TransitionGuard): Promise<boolean> {
    return (await this.closeChunk([{ ...task, state: from }], to, at, guard)) === 'closed';
  }

  /**
   * Closes open tasks of one team (same crew and vehicle) together, each from the state it was read in: one
   * transaction per chunk counts them all off the team's locks, where closeTask takes two lock reads and a
   * transaction per task (a stand-down of a city's 4,500 tasks wrote the one LOCK partition 9,000 times).
   * A chunk in which any task has moved meanwhile (a reply, a reassignment) is closed task by task instead.
   * Returns the tasks closed, in `to`.
   */
  async closeTeamTasks(tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<Task[]> {
    const first = tasks[0];
    if (!first) return [];
    if (OPEN_TASK_STATES.includes(to)) throw new Error(`closeTeamTasks: '${to}' is not a closed state`);
    if (tasks.some((t) => t.crewId !== first.crewId || t.vehicleId !== first.vehicleId || t.activationId !== first.activationId || !OPEN_TASK_STATES.includes(t.state))) {
      throw new Error('closeTeamTasks: every task must be open and of the same activation, crew and vehicle');
    }
    const closed: Task[] = [];
    // Per task its update and (cancelled, cannot) its road-pass claim; the wave check and the two locks ride along.
    const perChunk = Math.floor((MAX_TRANSACTION_ITEMS - 3) / 2);
    for (let i = 0; i < tasks.length; i += perChunk) {
      const chunk = tasks.slice(i, i + perChunk);
      const outcome = await this.closeChunk(chunk, to, at, guard);
      if (outcome === 'closed') closed.push(...chunk);
      else if (outcome === 'moved') {
        for (const t of chunk) if (await this.closeTask(t, t.state, to, at, guard)) closed.push(t);
      } else break; // the activation was raised past the guard's wave: nothing more closes
    }
    return closed.map((t) => ({ ...t, state: to, updatedAt: at }));
  }

  /**
   * One transaction closing `chunk` (each task from the state it holds) and counting it off its team's locks as just
   * read; read again while only a lock changed meanwhile. 'moved': a task had left its state or team (nothing closed).
   */
  private async closeChunk(chunk: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<'closed' | 'moved' | 'stale-wave'> {
    const first = chunk[0]!;
    const claims = chunk.map((t): TransactItem[] => [{ Update: this.stateUpdate(t, t.state, to, at) }, ...this.giveBack(t, to)]).flat();
    for (let round = 0; round < LOCK_ROUNDS; round++) {
      const locks = await Promise.all([this.getLock('CREW', first.crewId), this.getLock('VEHICLE', first.vehicleId)]);
      const countOff = (kind: 'CREW' | 'VEHICLE', id: string, lock: LockItem | undefined): TransactItem[] => {
        if (!lock || lock.activationId !== first.activationId || lock.crewId !== first.crewId || lock.vehicleId !== first.vehicleId) return [];
        const condition = { ConditionExpression: 'activationId = :a AND crewId = :c AND vehicleId = :v AND openTasks = :n', ExpressionAttributeValues: { ':a': first.activationId, ':c': first.crewId, ':v': first.vehicleId, ':n': lock.openTasks } };
        return lock.openTasks <= chunk.length
          ? [{ Delete: { TableName: this.tableName, Key: lockKey(kind, id), ...condition } }]
          : [{ Update: { TableName: this.tableName, Key: lockKey(kind, id), UpdateExpression: 'SET openTasks = :left', ...condition, ExpressionAttributeValues: { ...condition.ExpressionAttributeValues, ':left': lock.openTasks - chunk.length } } }];
      };
      const waveCheck: TransactItem[] = guard
        ? [{ ConditionCheck: { TableName: this.tableName, Key: { pk: `ACT#${first.activationId}`, sk: 'META' }, ConditionExpression: 'wave = :w', ExpressionAttributeValues: { ':w': guard.wave } } }]
        : [];
      const lockItems = [...countOff('CREW', first.crewId, locks[0]), ...countOff('VEHICLE', first.vehicleId, locks[1])];
      // The claims first, so a refused task's place in the cancellation reasons is its place in the chunk.
      const items: TransactItem[] = [...claims, ...waveCheck, ...lockItems];
      try {
        await this.send(items);
        return 'closed';
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (guard && codes[claims.length] === 'ConditionalCheckFailed') return 'stale-wave';
        if (codes.slice(0, claims.length).includes('ConditionalCheckFailed')) return 'moved';
        // A lock changed between the read and the write (a reply closed another of the team's tasks): read again.
      }
    }
    throw new Error(`closing ${chunk.map((t) => t.code).join(', ')} of crew ${first.crewId}: the team's locks kept changing for ${LOCK_ROUNDS} rounds`);
  }

  async reassignTask(task: Task, to: TaskMove, at: string): Promise<BookingResult> {
    if (!OPEN_TASK_STATES.includes(task.state)) return { ok: false, reason: `task ${task.code} is ${task.state}, not open` };
    if (to.crewId === task.crewId && to.vehicleId === task.vehicleId) return { ok: false, reason: `task ${task.code} is already with that team` };
    const [oldCrew, oldVehicle, newCrew, newVehicle] = await Promise.all([
      this.getLock('CREW', task.crewId), this.getLock('VEHICLE', task.vehicleId), this.getLock('CREW', to.crewId), this.getLock('VEHICLE', to.vehicleId),
    ]);
    const a = task.activationId;
    const items: TransactItem[] = [{
      Update: {
        TableName: this.tableName,
        Key: { pk: `ACT#${a}`, sk: `TASK#${task.id}` },
        ConditionExpression: '#state = :from AND crewId = :oc AND vehicleId = :ov',
        UpdateExpression: 'SET #state = :to, crewId = :nc, vehicleId = :nv, vehicleLabel = :label, depot = :depot, #seq = :seq, startBy = :startBy, passableAt = :passableAt, updatedAt = :at, gsi1pk = :g',
        ExpressionAttributeNames: { '#state': 'state', '#seq': 'sequence' },
        ExpressionAttributeValues: {
          ':from': task.state, ':oc': task.crewId, ':ov': task.vehicleId, ':to': to.state, ':nc': to.crewId, ':nv': to.vehicleId, ':label': to.vehicleLabel,
          ':depot': to.depot, ':seq': to.sequence, ':startBy': to.startBy, ':passableAt': to.passableAt, ':at': at, ':g': `CREW#${to.crewId}`,
        },
      },
    }];
    // Each side (crew, vehicle) either stays (its partner changes), or is counted off the old team and onto the new.
    for (const side of ['CREW', 'VEHICLE'] as const) {
      const oldId = side === 'CREW' ? task.crewId : task.vehicleId;
      const newId = side === 'CREW' ? to.crewId : to.vehicleId;
      const oldLock = side === 'CREW' ? oldCrew : oldVehicle;
      const newLock = side === 'CREW' ? newCrew : newVehicle;
      const partner = side === 'CREW' ? 'vehicleId' : 'crewId';
      const newPartner = side === 'CREW' ? to.vehicleId : to.crewId;
      const oldPartner = side === 'CREW' ? task.vehicleId : task.crewId;
      if (oldId === newId) {
        // Same crew, other vehicle (or the reverse): only if this was its one open task.
        if (!oldLock || oldLock.activationId !== a || oldLock.openTasks !== 1) {
          return { ok: false, reason: `${side === 'CREW' ? 'crew' : 'vehicle'} ${oldId} has other open tasks with its team; move those first or choose another ${side === 'CREW' ? 'crew' : 'vehicle'}` };
        }
        items.push({ Update: {
          TableName: this.tableName, Key: lockKey(side, oldId), UpdateExpression: `SET ${partner} = :np`,
          ConditionExpression: `activationId = :a AND ${partner} = :op AND openTasks = :one`,
          ExpressionAttributeValues: { ':np': newPartner, ':op': oldPartner, ':a': a, ':one': 1 },
        } });
        continue;
      }
      if (newLock && (newLock.activationId !== a || newLock[partner] !== newPartner)) {
        return { ok: false, reason: `${side === 'CREW' ? 'crew' : 'vehicle'} ${newId} is booked with ${side === 'CREW' ? 'vehicle' : 'crew'} ${newLock[partner]}${newLock.activationId !== a ? ' in another activation' : ''}` };
      }
      if (oldLock && oldLock.activationId === a) {
        items.push(oldLock.openTasks <= 1
          ? { Delete: { TableName: this.tableName, Key: lockKey(side, oldId), ConditionExpression: 'activationId = :a AND openTasks = :one', ExpressionAttributeValues: { ':a': a, ':one': 1 } } }
          : { Update: { TableName: this.tableName, Key: lockKey(side, oldId), UpdateExpression: 'ADD openTasks :minus', ConditionExpression: 'activationId = :a AND openTasks > :one', ExpressionAttributeValues: { ':a': a, ':minus': -1, ':one': 1 } } });
      }
      // Against the count read: the task's place and times were worked out from the team's tasks as read, and a
      // concurrent move onto (or close in) the same team would put two tasks at one place in its list.
      items.push(newLock
        ? { Update: { TableName: this.tableName, Key: lockKey(side, newId), UpdateExpression: 'ADD openTasks :plus', ConditionExpression: `activationId = :a AND ${partner} = :np AND openTasks = :n`, ExpressionAttributeValues: { ':a': a, ':plus': 1, ':np': newPartner, ':n': to.teamOpenTasks ?? newLock.openTasks } } }
        : { Put: { TableName: this.tableName, Item: { ...lockKey(side, newId), activationId: a, crewId: to.crewId, vehicleId: to.vehicleId, openTasks: 1, complete: true, bookedAt: at }, ConditionExpression: 'attribute_not_exists(pk)' } });
    }
    try {
      await this.send(items);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      return { ok: false, reason: codes[0] === 'ConditionalCheckFailed' ? `task ${task.code} changed meanwhile; reload and try again` : 'the target team changed meanwhile; reload and try again' };
    }
    return { ok: true };
  }

  async abandonActivation(activationId: string, at: string, reason: string): Promise<void> {
    try {
      await this.send([
        { Delete: { TableName: this.tableName, Key: { pk: 'CURRENT', sk: 'ACTIVATION' }, ConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':a': activationId } } },
        { Update: { TableName: this.tableName, Key: { pk: `ACT#${activationId}`, sk: 'META' }, UpdateExpression: 'SET #status = :s, abandonedAt = :at, abandonReason = :r', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':s': 'stood-down', ':at': at, ':r': reason } } },
      ]);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * Undoes bookings a crashed writer left half-written: locks still marked incomplete since before
   * `olderThan` lose their team's tasks, claims and locks. Returns how many teams were undone.
   */
  async repairIncompleteBookings(olderThan: string): Promise<number> {
    const locks = await queryAll<LockItem & { sk: string; bookedAt?: string }>(this.db, {
      TableName: this.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :c)', ExpressionAttributeValues: { ':p': 'LOCK', ':c': 'CREW#' }, ConsistentRead: true,
    });
    let repaired = 0;
    for (const lock of locks) {
      if (lock.complete !== false || (lock.bookedAt ?? '') >= olderThan) continue;
      const items = await queryAll<Record<string, unknown>>(this.db, {
        TableName: this.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :t)', ExpressionAttributeValues: { ':p': `ACT#${lock.activationId}`, ':t': 'TASK#' }, ConsistentRead: true,
      });
      const tasks = items.map((i) => stripKeys<Task>(i)).filter((t) => t.crewId === lock.crewId && t.vehicleId === lock.vehicleId && OPEN_TASK_STATES.includes(t.state));
      await this.undo(tasks, lock.crewId, lock.vehicleId, lock.activationId);
      repaired++;
    }
    return repaired;
  }

  /** Deletes a team's written tasks and claims, and its locks when they are still this team's. */
  private async undo(tasks: Task[], crewId: string, vehicleId: string, activationId: string): Promise<void> {
    const deletes: TransactItem[] = tasks.flatMap((t) => [
      { Delete: { TableName: this.tableName, Key: { pk: `ACT#${t.activationId}`, sk: `TASK#${t.id}` } } },
      { Delete: { TableName: this.tableName, Key: coverKey(t), ConditionExpression: 'attribute_not_exists(pk) OR taskId = :id', ExpressionAttributeValues: { ':id': t.id } } },
    ]);
    for (let i = 0; i < deletes.length; i += MAX_TRANSACTION_ITEMS) await this.send(deletes.slice(i, i + MAX_TRANSACTION_ITEMS));
    for (const [kind, id] of [['CREW', crewId], ['VEHICLE', vehicleId]] as const) {
      try {
        await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: lockKey(kind, id), ConditionExpression: 'activationId = :a AND crewId = :c AND vehicleId = :v', ExpressionAttributeValues: { ':a': activationId, ':c': crewId, ':v': vehicleId } }));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  /** A pass given back ("cannot") or cancelled may be tasked again in this activation (a replacement team): its claim goes with the close. A done pass keeps its claim. */
  private giveBack(task: Task, to: TaskState): TransactItem[] {
    return to === 'cannot' || to === 'cancelled'
      ? [{ Delete: { TableName: this.tableName, Key: coverKey(task), ConditionExpression: 'attribute_not_exists(pk) OR taskId = :t', ExpressionAttributeValues: { ':t': task.id } } }]
      : [];
  }

  private stateUpdate(task: Task, from: TaskState, to: TaskState, at: string) {
    const closes = !OPEN_TASK_STATES.includes(to);
    return {
      TableName: this.tableName,
      Key: { pk: `ACT#${task.activationId}`, sk: `TASK#${task.id}` },
      // Still with the team the caller read: a task reassigned meanwhile is counted on its new team's locks.
      ConditionExpression: '#state = :from AND crewId = :crew AND vehicleId = :vehicle',
      UpdateExpression: closes ? 'SET #state = :to, updatedAt = :at REMOVE gsi1pk, gsi1sk' : 'SET #state = :to, updatedAt = :at',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':from': from, ':to': to, ':at': at, ':crew': task.crewId, ':vehicle': task.vehicleId },
    };
  }

  private async getLock(kind: 'CREW' | 'VEHICLE', id: string): Promise<LockItem | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: lockKey(kind, id), ConsistentRead: true }));
    return out.Item as LockItem | undefined;
  }

  /** One transaction; retried when DynamoDB cancels it only for a conflict with another in flight. */
  private send(items: TransactItem[]): Promise<void> {
    return transactWrite(this.db, items);
  }

  /** Says which condition refused a booking chunk (its items start at task `offset`, after the locks in the first chunk). */
  private explain(codes: string[], tasks: Task[], offset: number): string {
    const first = tasks[0]!;
    const locks = offset === 0 ? 2 : 0;
    if (offset === 0 && codes[0] === 'ConditionalCheckFailed') return `crew ${first.crewId} is already booked`;
    if (offset === 0 && codes[1] === 'ConditionalCheckFailed') return `vehicle ${first.vehicleId} is already booked`;
    const at = codes.findIndex((c, i) => i >= locks && c === 'ConditionalCheckFailed');
    if (at >= 0) {
      const t = tasks[offset + Math.floor((at - locks) / 2)];
      if (t) return (at - locks) % 2 === 1 ? `road pass ${t.roadName} (${t.pass}) is already tasked in this activation` : `task ${t.code} already exists`;
    }
    return codes.some((c) => c === 'TransactionConflict') ? 'a concurrent booking touched the same items' : `booking refused (${codes.join(', ')})`;
  }
}
