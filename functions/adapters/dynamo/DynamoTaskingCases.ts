import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { crewTaskingPrefix, type TaskingCase } from '../../core/escalation/TaskingCase.ts';
import type { TaskingCases } from '../../core/ports/TaskingCases.ts';
import { crewCasePartition, dueIndexKeys, operationsKeys, PREFIX, shardPartitions } from '../../config/operationsKeys.ts';
import { writeIf } from './conditionalWrite.ts';
import { queryAll } from './queryAll.ts';
import { queryShards } from './queryShards.ts';
import { stripKeys } from './stripKeys.ts';

/** A case's place in the byDue index (absent without a due time): its crew's shard, ordered by due time. */
const dueKeys = (c: TaskingCase): Record<string, string> => (c.dueAt ? dueIndexKeys(c.crewId, c.dueAt, c.id) : {});
const dueOrder = (c: TaskingCase) => `${c.dueAt}#${c.id}`;

/** A case under its activation's partition; one with a due time also sits in the byDue index. */
const caseItem = (c: TaskingCase): Record<string, unknown> => ({ ...operationsKeys.taskingCase(c.activationId, c.id), ...dueKeys(c), ...c });

/** Tasking cases (CASE#<id>, in their crew's shard of the activation) and the due index the escalator sweeps (DUE#<shard>, by crew). */
export class DynamoTaskingCases implements TaskingCases {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async createTaskingCase(c: TaskingCase): Promise<'created' | 'exists'> {
    const out = await writeIf(this.db, { Put: { TableName: this.tableName, Item: caseItem(c), ConditionExpression: 'attribute_not_exists(pk)' } });
    return out === 'written' ? 'created' : 'exists';
  }

  async getTaskingCase(activationId: string, id: string): Promise<TaskingCase | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.taskingCase(activationId, id), ConsistentRead: true }));
    return out.Item ? stripKeys<TaskingCase>(out.Item) : undefined;
  }

  async saveTaskingCase(c: TaskingCase, expectedVersion: number): Promise<boolean> {
    return (await writeIf(this.db, { Put: {
      TableName: this.tableName, Item: caseItem(c), ConditionExpression: '#version = :v',
      ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion },
    } }, true)) === 'written';
  }

  async listTaskingCases(activationId: string): Promise<TaskingCase[]> {
    const items = await queryShards<Record<string, unknown>>(this.db, shardPartitions.ofActivation(activationId, 'taskingCase'), {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ConsistentRead: true,
      ExpressionAttributeValues: { ':c': PREFIX.taskingCase },
    });
    return items.map((i) => stripKeys<TaskingCase>(i));
  }

  async listCrewTaskingCases(activationId: string, crewId: string): Promise<TaskingCase[]> {
    // A crew's cases share its shard: one Query.
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ConsistentRead: true,
      ExpressionAttributeValues: { ':pk': crewCasePartition(activationId, crewId), ':c': `${PREFIX.taskingCase}${crewTaskingPrefix(activationId, crewId)}` },
    });
    return items.map((i) => stripKeys<TaskingCase>(i));
  }

  async listDueTaskingCases(now: string, limit: number, after?: TaskingCase): Promise<TaskingCase[]> {
    // Each due shard is in due order: its first `limit` after the previous page's last case (as listed; it need not
    // still be there), merged, give the page. A shard's range starts at that case itself, skipped if found.
    const upper = `${now}#\uffff`;
    const lower = after?.dueAt ? dueOrder(after) : undefined;
    if (lower !== undefined && lower > upper) return [];
    const shards = await Promise.all(shardPartitions.due().map(async (shard) => {
      const out = await this.db.send(new QueryCommand({
        TableName: this.tableName, IndexName: 'byDue', Limit: limit + (lower === undefined ? 0 : 1),
        KeyConditionExpression: lower === undefined ? 'gsi2pk = :p AND gsi2sk <= :upper' : 'gsi2pk = :p AND gsi2sk BETWEEN :lower AND :upper',
        ExpressionAttributeValues: { ':p': shard, ':upper': upper, ...(lower === undefined ? {} : { ':lower': lower }) },
      }));
      return (out.Items ?? []).map((i) => stripKeys<TaskingCase>(i));
    }));
    return shards.flat().filter((c) => lower === undefined || dueOrder(c) > lower).sort((a, b) => (dueOrder(a) < dueOrder(b) ? -1 : 1)).slice(0, limit);
  }
}
