import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { crewTaskingPrefix, type TaskingCase } from '../../core/escalation/TaskingCase.ts';
import type { TaskingCases } from '../../core/ports/TaskingCases.ts';
import { activationPartition, operationsKeys, PARTITION, PREFIX } from '../../config/operationsKeys.ts';
import { writeIf } from './conditionalWrite.ts';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';

/** A case's place in the byDue index (absent without a due time). */
const dueKeys = (c: TaskingCase): Record<string, string> => (c.dueAt ? { gsi2pk: PARTITION.due, gsi2sk: `${c.dueAt}#${c.id}` } : {});

/** A case under its activation's partition; one with a due time also sits in the byDue index. */
const caseItem = (c: TaskingCase): Record<string, unknown> => ({ ...operationsKeys.taskingCase(c.activationId, c.id), ...dueKeys(c), ...c });

/** Tasking cases (CASE#<id>) and the due index the escalator sweeps. */
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

  listTaskingCases(activationId: string): Promise<TaskingCase[]> {
    return this.listUnder(activationId, PREFIX.taskingCase);
  }

  listCrewTaskingCases(activationId: string, crewId: string): Promise<TaskingCase[]> {
    return this.listUnder(activationId, `${PREFIX.taskingCase}${crewTaskingPrefix(activationId, crewId)}`);
  }

  async listDueTaskingCases(now: string, limit: number, after?: TaskingCase): Promise<TaskingCase[]> {
    // The previous page's last case, as listed, is where DynamoDB resumes (its index and table keys; it need not still be there).
    const start = after?.dueAt ? { ExclusiveStartKey: { ...operationsKeys.taskingCase(after.activationId, after.id), ...dueKeys(after) } } : {};
    const out = await this.db.send(new QueryCommand({
      TableName: this.tableName, IndexName: 'byDue', Limit: limit, ...start,
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk <= :upper',
      ExpressionAttributeValues: { ':p': PARTITION.due, ':upper': `${now}#\uffff` },
    }));
    return (out.Items ?? []).map((i) => stripKeys<TaskingCase>(i));
  }

  private async listUnder(activationId: string, prefix: string): Promise<TaskingCase[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ConsistentRead: true,
      ExpressionAttributeValues: { ':pk': activationPartition(activationId), ':c': prefix },
    });
    return items.map((i) => stripKeys<TaskingCase>(i));
  }
}
