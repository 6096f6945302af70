import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import { operationsKeys } from '../../config/operationsKeys.ts';
import { MAX_TRANSACTION_ITEMS, transactIf, TransactionConflictError, writeIf, type NamedItem } from './conditionalWrite.ts';

type Table = { db: DynamoDBDocumentClient; tableName: string };

/**
 * Moves open tasks to another open state, up to 100 in one transaction, where a write per task took a round trip
 * each (a city's first wave: ~6,700 UpdateItems to mark its tasks dispatched). Nothing here needs the tasks to move
 * together: a transaction is the one request DynamoDB offers that writes many items under conditions. The items whose
 * condition failed are named by the cancellation, left out, and the rest sent again. A lone task goes as one
 * UpdateItem (a transactional write costs twice the units). A lost answer is resent by the SDK with the same client
 * token, which DynamoDB answers as the first time. Returns the tasks moved, in `to`.
 */
export async function transitionOpenTasks(table: Table, tasks: readonly Task[], to: TaskState, at: string): Promise<Task[]> {
  if (!OPEN_TASK_STATES.includes(to)) throw new Error(`transitionTasks moves tasks to an open state; '${to}' closes them (closeTasks)`);
  // A task read closed stays closed: reopening it here would hold its crew with no lock counting it.
  const unique = [...new Map(tasks.filter((t) => OPEN_TASK_STATES.includes(t.state)).map((t) => [t.id, t])).values()];
  const moved: Task[] = [];
  for (let i = 0; i < unique.length; i += MAX_TRANSACTION_ITEMS) moved.push(...(await moveChunk(table, unique.slice(i, i + MAX_TRANSACTION_ITEMS), to, at)));
  return moved.map((t) => ({ ...t, state: to, updatedAt: at }));
}

async function moveChunk(table: Table, chunk: readonly Task[], to: TaskState, at: string): Promise<Task[]> {
  let pending = [...chunk];
  while (pending.length > 1) {
    const out = await transactIf(table.db, pending.map((t): NamedItem => ({ name: t.id, item: { Update: stateUpdate(table.tableName, t, to, at) } }))).catch((error: unknown) => {
      // Still contended after transactIf's retries (a close of the same crew's tasks in flight): task by task instead.
      if (error instanceof TransactionConflictError) return undefined;
      throw error;
    });
    if (!out) return oneByOne(table, pending, to, at);
    if (out.outcome === 'written') return pending;
    const refused = new Set(out.refused);
    pending = pending.filter((t) => !refused.has(t.id));
  }
  return oneByOne(table, pending, to, at);
}

async function oneByOne(table: Table, tasks: readonly Task[], to: TaskState, at: string): Promise<Task[]> {
  const moved: Task[] = [];
  for (const t of tasks) if ((await writeIf(table.db, { Update: stateUpdate(table.tableName, t, to, at) }, true)) === 'written') moved.push(t);
  return moved;
}

function stateUpdate(tableName: string, task: Task, to: TaskState, at: string) {
  return {
    TableName: tableName, Key: operationsKeys.task(task.activationId, task.id),
    // Still with the crew the caller read: an old leader's reply does not move a task reassigned meanwhile.
    ConditionExpression: '#state = :from AND crewId = :crew',
    UpdateExpression: 'SET #state = :to, updatedAt = :at',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':from': task.state, ':to': to, ':at': at, ':crew': task.crewId },
  };
}
