import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import type { TransitionGuard } from '../../core/ports/TaskStore.ts';
import { operationsKeys, type LockKind } from '../../config/operationsKeys.ts';
import { MAX_TRANSACTION_ITEMS, transactIf, type NamedItem } from './conditionalWrite.ts';
import { coverKey, getLock, type LockItem } from './teamLocks.ts';

/** Tries of a close whose team's locks another close changed meanwhile. */
const LOCK_ROUNDS = 8;

type Table = { db: DynamoDBDocumentClient; tableName: string };

/**
 * Closes open tasks of one team (same crew and vehicle) together, each from the state it was read in: one
 * transaction per chunk counts them all off the team's locks, where a close per task takes two lock reads and a
 * transaction each (a stand-down of a city's 4,500 tasks wrote the one LOCK partition 9,000 times).
 * A chunk in which any task has moved meanwhile (a reply, a reassignment) is closed task by task instead.
 * Returns the tasks closed, in `to`.
 */
export async function closeTeamTasks(table: Table, tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<Task[]> {
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
    const outcome = await closeChunk(table, chunk, to, at, guard);
    if (outcome === 'closed') closed.push(...chunk);
    else if (outcome === 'moved') {
      for (const t of chunk) if ((await closeChunk(table, [t], to, at, guard)) === 'closed') closed.push(t);
    } else break; // the activation was upgraded past the guard's wave: nothing more closes
  }
  return closed.map((t) => ({ ...t, state: to, updatedAt: at }));
}

/**
 * One transaction closing `chunk` (each task from the state it holds) and counting it off its team's locks as just
 * read; read again while only a lock changed meanwhile. The close of the team's last open tasks deletes the locks in
 * that same transaction, so no crash or retry can leave a crew or vehicle held by nothing.
 * 'moved': a task had left its state or team, or its road pass is another task's (nothing closed).
 */
export async function closeChunk(table: Table, chunk: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<'closed' | 'moved' | 'stale-wave'> {
  const { db, tableName } = table;
  const first = chunk[0]!;
  const claims = chunk.flatMap((t): NamedItem[] => [{ name: `task:${t.id}`, item: { Update: stateUpdate(tableName, t, to, at) } }, ...giveBack(tableName, t, to)]);
  const waveCheck: NamedItem[] = guard
    ? [{ name: 'wave', item: { ConditionCheck: { TableName: tableName, Key: operationsKeys.activation(first.activationId), ConditionExpression: 'wave = :w', ExpressionAttributeValues: { ':w': guard.wave } } } }]
    : [];
  const countOff = (kind: LockKind, id: string, lock: LockItem | undefined): NamedItem[] => {
    if (!lock || lock.activationId !== first.activationId || lock.crewId !== first.crewId || lock.vehicleId !== first.vehicleId) return [];
    const values = { ':a': first.activationId, ':c': first.crewId, ':v': first.vehicleId, ':n': lock.openTasks };
    const condition = 'activationId = :a AND crewId = :c AND vehicleId = :v AND openTasks = :n';
    const name = `lock:${kind}`;
    return lock.openTasks <= chunk.length
      ? [{ name, item: { Delete: { TableName: tableName, Key: operationsKeys.lock(kind, id), ConditionExpression: condition, ExpressionAttributeValues: values } } }]
      : [{ name, item: { Update: { TableName: tableName, Key: operationsKeys.lock(kind, id), UpdateExpression: 'SET openTasks = :left', ConditionExpression: condition, ExpressionAttributeValues: { ...values, ':left': lock.openTasks - chunk.length } } } }];
  };
  for (let round = 0; round < LOCK_ROUNDS; round++) {
    const [crewLock, vehicleLock] = await Promise.all([getLock(db, tableName, 'CREW', first.crewId), getLock(db, tableName, 'VEHICLE', first.vehicleId)]);
    const out = await transactIf(db, [...claims, ...waveCheck, ...countOff('CREW', first.crewId, crewLock), ...countOff('VEHICLE', first.vehicleId, vehicleLock)]);
    if (out.outcome === 'written') return 'closed';
    if (out.refused.includes('wave')) return 'stale-wave';
    if (out.refused.some((name) => !name.startsWith('lock:'))) return 'moved';
    // Only a lock changed between the read and the write (a reply closed another of the team's tasks): read again.
  }
  throw new Error(`closing ${chunk.map((t) => t.code).join(', ')} of crew ${first.crewId}: the team's locks kept changing for ${LOCK_ROUNDS} rounds`);
}

/** A pass given back ("cannot") or cancelled may be tasked again in this activation (a replacement team): its claim goes with the close. A done pass keeps its claim. */
function giveBack(tableName: string, task: Task, to: TaskState): NamedItem[] {
  return to === 'cannot' || to === 'cancelled'
    ? [{ name: `claim:${task.id}`, item: { Delete: { TableName: tableName, Key: coverKey(task), ConditionExpression: 'attribute_not_exists(pk) OR taskId = :t', ExpressionAttributeValues: { ':t': task.id } } } }]
    : [];
}

function stateUpdate(tableName: string, task: Task, to: TaskState, at: string) {
  return {
    TableName: tableName,
    Key: operationsKeys.task(task.activationId, task.id),
    // Still with the team the caller read: a task reassigned meanwhile is counted on its new team's locks.
    ConditionExpression: '#state = :from AND crewId = :crew AND vehicleId = :vehicle',
    UpdateExpression: OPEN_TASK_STATES.includes(to) ? 'SET #state = :to, updatedAt = :at' : 'SET #state = :to, updatedAt = :at REMOVE gsi1pk, gsi1sk',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':from': task.state, ':to': to, ':at': at, ':crew': task.crewId, ':vehicle': task.vehicleId },
  };
}
