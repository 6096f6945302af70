import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import type { TaskStore, TransitionGuard } from '../../core/ports/TaskStore.ts';
import { crewIndexKey, operationsKeys, PREFIX, shardPartitions } from '../../config/operationsKeys.ts';
import { closeChunk, closeTeamTasks } from './closeTeamTasks.ts';
import { transitionOpenTasks } from './transitionOpenTasks.ts';
import { writeIf } from './conditionalWrite.ts';
import { batchGetAll } from './batchGetAll.ts';
import { queryAll } from './queryAll.ts';
import { queryShards } from './queryShards.ts';
import { stripKeys } from './stripKeys.ts';


/** Tasks in their activation's task shards (pk ACT#<id>#T#<shard>, sk TASK#<id>); open ones also in the byCrew index. */
export class DynamoTaskStore implements TaskStore {
  constructor(readonly db: DynamoDBDocumentClient, readonly tableName: string) {}

  async reserveTaskCodes(activationId: string, count: number): Promise<number> {
    const out = await this.db.send(new UpdateCommand({
      TableName: this.tableName, Key: operationsKeys.taskSequence(activationId),
      UpdateExpression: 'ADD nextIndex :n', ExpressionAttributeValues: { ':n': count }, ReturnValues: 'UPDATED_NEW',
    }));
    return (out.Attributes?.nextIndex as number) - count;
  }

  async listTasks(activationId: string): Promise<Task[]> {
    const items = await queryShards<Record<string, unknown>>(this.db, shardPartitions.ofActivation(activationId, 'task'), {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)', ConsistentRead: true,
      ExpressionAttributeValues: { ':t': PREFIX.task },
    });
    return items.map((i) => stripKeys<Task>(i));
  }

  async getTasks(activationId: string, taskIds: readonly string[]): Promise<Task[]> {
    const ids = [...new Set(taskIds)];
    const items = await batchGetAll(this.db, this.tableName, ids.map((id) => operationsKeys.task(activationId, id)), `tasks of ${activationId}`);
    const found = new Map(items.map((item) => [item.id as string, stripKeys<Task>(item)]));
    // In the order asked (BatchGetItem answers in any order).
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async listOpenTasksForCrew(crewId: string): Promise<Task[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, IndexName: 'byCrew', KeyConditionExpression: 'gsi1pk = :c', ExpressionAttributeValues: { ':c': crewIndexKey(crewId) } });
    return items.map((i) => stripKeys<Task>(i)).filter((t) => OPEN_TASK_STATES.includes(t.state));
  }

  async transitionTask(task: Task, from: TaskState, to: TaskState, at: string, guard?: TransitionGuard): Promise<boolean> {
    // Closing an open task also counts it off its team's locks, in the same transaction.
    if (OPEN_TASK_STATES.includes(from) && !OPEN_TASK_STATES.includes(to)) return (await closeChunk(this, [{ ...task, state: from }], to, at, guard)) === 'closed';
    return (await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.task(task.activationId, task.id),
      // Still with the crew the caller read: an old leader's reply does not move a task reassigned meanwhile.
      ConditionExpression: '#state = :from AND crewId = :crew',
      UpdateExpression: OPEN_TASK_STATES.includes(to) ? 'SET #state = :to, updatedAt = :at' : 'SET #state = :to, updatedAt = :at REMOVE gsi1pk, gsi1sk',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':from': from, ':to': to, ':at': at, ':crew': task.crewId },
    } }, true)) === 'written';
  }

  transitionTasks(tasks: readonly Task[], to: TaskState, at: string): Promise<Task[]> {
    return transitionOpenTasks(this, tasks, to, at);
  }

  async closeTasks(tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<Task[]> {
    const teams = new Map<string, Task[]>();
    for (const t of tasks) {
      const team = `${t.crewId}|${t.vehicleId}`;
      teams.set(team, [...(teams.get(team) ?? []), t]);
    }
    const closed: Task[] = [];
    for (const team of teams.values()) closed.push(...(await closeTeamTasks(this, team, to, at, guard)));
    return closed;
  }
}
