import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { TaskingCase } from '../../core/escalation/TaskingCase.ts';
import type { Activation } from '../../core/operations/Activation.ts';
import type { ActivationRaise } from '../../core/operations/ActivationRaise.ts';
import type { SmsMessage } from '../../core/operations/SmsMessage.ts';
import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { BookingResult, OperationsStore } from '../../core/ports/OperationsStore.ts';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';

const MAX_TRANSACTION_ITEMS = 100;
const INBOUND_TTL_S = 7 * 24 * 3600;
const DUE_PARTITION = 'DUE';

function isConditionFailure(error: unknown): boolean {
  return error instanceof TransactionCanceledException || (error instanceof Error && error.name === 'ConditionalCheckFailedException');
}

/** Storm state in one DynamoDB table; see OPERATIONS_TABLE for the access patterns. */
export class DynamoOperationsStore implements OperationsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getZoneStates(): Promise<ZoneState[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'ZONESTATE' } });
    return items.map((i) => stripKeys<ZoneState>(i));
  }

  async putZoneState(state: ZoneState): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: 'ZONESTATE', sk: state.zoneId, ...state } }));
  }

  async getOpenActivation(): Promise<Activation | undefined> {
    const pointer = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: 'CURRENT', sk: 'ACTIVATION' }, ConsistentRead: true }));
    return pointer.Item ? this.getActivation(pointer.Item.activationId as string) : undefined;
  }

  async getActivation(id: string): Promise<Activation | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `ACT#${id}`, sk: 'META' }, ConsistentRead: true }));
    return out.Item ? stripKeys<Activation>(out.Item) : undefined;
  }

  async createActivation(activation: Activation): Promise<'created' | 'exists'> {
    try {
      await this.db.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { pk: 'CURRENT', sk: 'ACTIVATION', activationId: activation.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: this.tableName, Item: { pk: `ACT#${activation.id}`, sk: 'META', ...activation }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }));
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async raiseActivation(activationId: string, raise: ActivationRaise, expectedWave: number): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ACT#${activationId}`, sk: 'META' },
        ConditionExpression: '#status = :open AND wave = :expected',
        UpdateExpression: 'SET #level = :level, zoneLevels = :zoneLevels, wave = :wave, raisedAt = :at',
        ExpressionAttributeNames: { '#status': 'status', '#level': 'level' },
        ExpressionAttributeValues: { ':open': 'open', ':expected': expectedWave, ':level': raise.level, ':zoneLevels': raise.zoneLevels, ':wave': raise.wave, ':at': raise.raisedAt },
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async bookTeam(tasks: Task[]): Promise<BookingResult> {
    const first = tasks[0];
    if (!first) return { ok: true };
    const lock = (kind: 'CREW' | 'VEHICLE', id: string) => ({
      Put: { TableName: this.tableName, Item: { pk: 'LOCK', sk: `${kind}#${id}`, activationId: first.activationId, crewId: first.crewId, vehicleId: first.vehicleId }, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    const puts = tasks.map((t) => ({ Put: { TableName: this.tableName, Item: this.taskItem(t), ConditionExpression: 'attribute_not_exists(pk)' } }));
    // The locks and the first tasks go in one transaction; a long team list continues under the held locks.
    const head = puts.slice(0, MAX_TRANSACTION_ITEMS - 2);
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [lock('CREW', first.crewId), lock('VEHICLE', first.vehicleId), ...head] }));
    } catch (error) {
      if (isConditionFailure(error)) return { ok: false, reason: `crew ${first.crewId} or vehicle ${first.vehicleId} is already booked` };
      throw error;
    }
    for (let i = head.length; i < puts.length; i += MAX_TRANSACTION_ITEMS) {
      await this.db.send(new TransactWriteCommand({ TransactItems: puts.slice(i, i + MAX_TRANSACTION_ITEMS) }));
    }
    return { ok: true };
  }

  async listBusy(): Promise<{ crewIds: Set<string>; vehicleIds: Set<string> }> {
    const locks = await queryAll<{ sk: string }>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'LOCK' }, ConsistentRead: true });
    const crewIds = new Set<string>();
    const vehicleIds = new Set<string>();
    for (const { sk } of locks) {
      const [kind, id] = [sk.slice(0, sk.indexOf('#')), sk.slice(sk.indexOf('#') + 1)];
      (kind === 'CREW' ? crewIds : vehicleIds).add(id);
    }
    return { crewIds, vehicleIds };
  }

  async listTasks(activationId: string): Promise<Task[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)', ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':t': 'TASK#' }, ConsistentRead: true });
    return items.map((i) => stripKeys<Task>(i));
  }

  async listOpenTasksForCrew(crewId: string): Promise<Task[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, IndexName: 'byCrew', KeyConditionExpression: 'gsi1pk = :c', ExpressionAttributeValues: { ':c': `CREW#${crewId}` } });
    return items.map((i) => stripKeys<Task>(i)).filter((t) => OPEN_TASK_STATES.includes(t.state));
  }

  async transitionTask(task: Task, from: TaskState, to: TaskState, at: string): Promise<boolean> {
    const closes = !OPEN_TASK_STATES.includes(to);
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ACT#${task.activationId}`, sk: `TASK#${task.id}` },
        ConditionExpression: '#state = :from',
        UpdateExpression: closes ? 'SET #state = :to, updatedAt = :at REMOVE gsi1pk, gsi1sk' : 'SET #state = :to, updatedAt = :at',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':from': from, ':to': to, ':at': at },
      }));
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    if (closes) await this.releaseIfIdle(task);
    return true;
  }

  async claimMessage(message: SmsMessage): Promise<'claimed' | 'exists'> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.messageItem(message), ConditionExpression: 'attribute_not_exists(pk)' }));
      return 'claimed';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async completeMessage(message: SmsMessage): Promise<boolean> {
    // A known end (sent, failed) may replace "in-doubt" written by a concurrent retry; "in-doubt" replaces only "queued".
    const condition = message.state === 'in-doubt' ? '#state = :queued' : '#state IN (:queued, :doubt)';
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName, Item: this.messageItem(message),
        ConditionExpression: `attribute_exists(pk) AND ${condition}`,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: message.state === 'in-doubt' ? { ':queued': 'queued' } : { ':queued': 'queued', ':doubt': 'in-doubt' },
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listMessages(activationId: string): Promise<SmsMessage[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)', ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':m': 'MSG#' }, ConsistentRead: true });
    return items.map((i) => stripKeys<SmsMessage>(i));
  }

  async claimInbound(inboundMessageId: string, at: string): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND', at, expiresAt: Math.floor(Date.parse(at) / 1000) + INBOUND_TTL_S }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async getMessage(activationId: string, id: string): Promise<SmsMessage | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `ACT#${activationId}`, sk: `MSG#${id}` }, ConsistentRead: true }));
    return out.Item ? stripKeys<SmsMessage>(out.Item) : undefined;
  }

  async createTaskingCase(c: TaskingCase): Promise<'created' | 'exists'> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.caseItem(c), ConditionExpression: 'attribute_not_exists(pk)' }));
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async getTaskingCase(activationId: string, id: string): Promise<TaskingCase | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `ACT#${activationId}`, sk: `CASE#${id}` }, ConsistentRead: true }));
    return out.Item ? stripKeys<TaskingCase>(out.Item) : undefined;
  }

  async saveTaskingCase(c: TaskingCase, expectedVersion: number): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.caseItem(c), ConditionExpression: '#version = :v', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listTaskingCases(activationId: string): Promise<TaskingCase[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':c': 'CASE#' }, ConsistentRead: true });
    return items.map((i) => stripKeys<TaskingCase>(i));
  }

  async listDueTaskingCases(now: string, limit: number): Promise<TaskingCase[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.tableName, IndexName: 'byDue', Limit: limit,
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk <= :upper',
      ExpressionAttributeValues: { ':p': DUE_PARTITION, ':upper': `${now}#\uffff` },
    }));
    return (out.Items ?? []).map((i) => stripKeys<TaskingCase>(i));
  }

  async recordOptOut(phone: string, at: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: `OPTOUT#${phone}`, sk: 'OPTOUT', at } }));
  }

  async isOptedOut(phone: string): Promise<boolean> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `OPTOUT#${phone}`, sk: 'OPTOUT' } }));
    return out.Item !== undefined;
  }

  async claimHelpReply(phone: string, at: string, windowMinutes: number): Promise<boolean> {
    const cutoff = new Date(Date.parse(at) - windowMinutes * 60_000).toISOString();
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName,
        Item: { pk: `HELP#${phone}`, sk: 'HELP', at, expiresAt: Math.floor(Date.parse(at) / 1000) + windowMinutes * 60 },
        ConditionExpression: 'attribute_not_exists(pk) OR #at < :cutoff',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':cutoff': cutoff },
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** A crew with no open task left frees its crew and vehicle locks. */
  private async releaseIfIdle(task: Task): Promise<void> {
    if ((await this.listOpenTasksForCrew(task.crewId)).length > 0) return;
    for (const sk of [`CREW#${task.crewId}`, `VEHICLE#${task.vehicleId}`]) {
      try {
        await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: 'LOCK', sk }, ConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':a': task.activationId } }));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  private taskItem(t: Task): Record<string, unknown> {
    const open = OPEN_TASK_STATES.includes(t.state);
    return { pk: `ACT#${t.activationId}`, sk: `TASK#${t.id}`, ...(open ? { gsi1pk: `CREW#${t.crewId}`, gsi1sk: `${t.activationId}#${t.code}` } : {}), ...t };
  }

  private caseItem(c: TaskingCase): Record<string, unknown> {
    return { pk: `ACT#${c.activationId}`, sk: `CASE#${c.id}`, ...(c.dueAt ? { gsi2pk: DUE_PARTITION, gsi2sk: `${c.dueAt}#${c.id}` } : {}), ...c };
  }

  private messageItem(m: SmsMessage): Record<string, unknown> {
    return { pk: `ACT#${m.activationId}`, sk: `MSG#${m.id}`, ...m };
  }
}
