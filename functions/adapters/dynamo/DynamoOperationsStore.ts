import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Activation } from '../../core/operations/Activation.ts';
import type { SmsMessage } from '../../core/operations/SmsMessage.ts';
import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { BookingResult, OperationsStore, TaskMove } from '../../core/ports/OperationsStore.ts';
import { DynamoBookings } from './DynamoBookings.ts';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';

const INBOUND_TTL_S = 7 * 24 * 3600;

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

  bookTeam(tasks: Task[]): Promise<BookingResult> { return this.bookings.bookTeam(tasks); }
  unbookTeam(tasks: Task[]): Promise<void> { return this.bookings.unbookTeam(tasks); }
  repairIncompleteBookings(olderThan: string): Promise<number> { return this.bookings.repairIncompleteBookings(olderThan); }
  reserveTaskCodes(activationId: string, count: number): Promise<number> { return this.bookings.reserveTaskCodes(activationId, count); }
  reassignTask(task: Task, to: TaskMove, at: string): Promise<BookingResult> { return this.bookings.reassignTask(task, to, at); }
  abandonActivation(activationId: string, at: string, reason: string): Promise<void> { return this.bookings.abandonActivation(activationId, at, reason); }

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
    // Closing an open task also counts it off its team's locks (see DynamoBookings.closeTask).
    if (OPEN_TASK_STATES.includes(from) && !OPEN_TASK_STATES.includes(to)) return this.bookings.closeTask(task, from, to, at);
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ACT#${task.activationId}`, sk: `TASK#${task.id}` },
        ConditionExpression: '#state = :from',
        UpdateExpression: OPEN_TASK_STATES.includes(to) ? 'SET #state = :to, updatedAt = :at' : 'SET #state = :to, updatedAt = :at REMOVE gsi1pk, gsi1sk',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':from': from, ':to': to, ':at': at },
      }));
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
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

  async completeMessage(message: SmsMessage): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.messageItem(message), ConditionExpression: 'attribute_exists(pk) AND #state = :sending', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':sending': 'sending' } }));
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

  /** Booking logic lives in DynamoBookings; this store delegates to it. */
  private get bookings(): DynamoBookings {
    return new DynamoBookings(this.db, this.tableName);
  }

  private messageItem(m: SmsMessage): Record<string, unknown> {
    return { pk: `ACT#${m.activationId}`, sk: `MSG#${m.id}`, ...m };
  }
}
