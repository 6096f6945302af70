import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseTask, CitizenCase } from '../../core/citizen/CitizenCase.ts';
import { ConflictError } from '../../core/errors/ConflictError.ts';
import type { CaseWrite, CitizenCases } from '../../core/ports/CitizenCases.ts';
import { transactIf, writeIf } from './conditionalWrite.ts';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';

const INDEX = 'bySubmitted';
const ALL = 'CASES';
/** Sorts after any "<iso time>#<id>". */
const END = '\uffff';

/** Citizen cases in their own table (see CITIZEN_TABLE's access patterns). */
export class DynamoCitizenCases implements CitizenCases {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async create(c: CitizenCase): Promise<void> {
    const out = await writeIf(this.db, { Put: { TableName: this.tableName, Item: item(c), ConditionExpression: 'attribute_not_exists(pk)' } }, true);
    if (out === 'refused') throw new ConflictError(`case ${c.id} exists already`, { caseId: c.id });
  }

  async get(id: string): Promise<CitizenCase | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `CASE#${id}`, sk: 'CASE' }, ConsistentRead: true }));
    return out.Item ? stripKeys<CitizenCase>(out.Item) : undefined;
  }

  async save(...writes: CaseWrite[]): Promise<boolean> {
    const puts = writes.map((w) => ({ TableName: this.tableName, Item: item(w.case), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.expectedVersion } }));
    if (puts.length === 1) return (await writeIf(this.db, { Put: puts[0]! }, true)) === 'written';
    return (await transactIf(this.db, puts.map((Put, i) => ({ name: `case:${writes[i]!.case.id}`, item: { Put } })))).outcome === 'written';
  }

  async listSubmitted(range: { from: string; to?: string }): Promise<CitizenCase[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: INDEX,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': ALL, ':from': range.from, ':to': range.to ?? END },
      ScanIndexForward: false,
    });
    // BETWEEN includes its upper bound; the range is half-open.
    return items.map((i) => stripKeys<CitizenCase>(i)).filter((c) => range.to === undefined || c.submittedAt < range.to);
  }

  async linkTask(task: CaseTask, caseId: string): Promise<void> {
    // One item per case under the task's key: a second case joining the task adds a link, it does not replace the first.
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: `TASK#${task.activationId}#${task.taskId}`, sk: `CASE#${caseId}`, caseId } }));
  }

  async casesOfTask(activationId: string, taskId: string): Promise<string[]> {
    // Links written before tasks served several cases sit at sk "CASE" with the same attribute: the query finds them too.
    const items = await queryAll<{ caseId: string }>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':p': `TASK#${activationId}#${taskId}`, ':c': 'CASE' },
      ConsistentRead: true,
    });
    return [...new Set(items.map((i) => i.caseId))];
  }
}

function item(c: CitizenCase): Record<string, unknown> {
  return { pk: `CASE#${c.id}`, sk: 'CASE', gsi1pk: ALL, gsi1sk: `${c.submittedAt}#${c.id}`, ...c };
}
