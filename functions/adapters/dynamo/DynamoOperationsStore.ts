import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { crewTaskingPrefix, type TaskingCase } from '../../core/escalation/TaskingCase.ts';
import type { ActiveLevel, ResponseLevel } from '../../core/levels/ResponseLevel.ts';
import type { Activation } from '../../core/operations/Activation.ts';
import type { ActivationRaise } from '../../core/operations/ActivationRaise.ts';
import type { SmsMessage } from '../../core/operations/SmsMessage.ts';
import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { BookingResult, InboundClaim, InboundNote, OperationsStore, TaskMove, TransitionGuard } from '../../core/ports/OperationsStore.ts';
import { DynamoBookings } from './DynamoBookings.ts';
import { putAll } from './putAll.ts';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';
import { cancellationCodes, transactWrite } from './transactWrite.ts';
import { landedEarlier, newWriteId } from './writeId.ts';

const INBOUND_TTL_S = 7 * 24 * 3600;
/** A claim held longer than this was left by a run that died (sms-inbound runs for seconds; Lambda retries after a minute). */
const INBOUND_RUN_MS = 60_000;
const DUE_PARTITION = 'DUE';
/** DynamoDB's limit of keys in one BatchGetItem. */
const BATCH_GET_KEYS = 100;
/** Rounds of asking again for keys a BatchGetItem left unprocessed before giving up. */
const BATCH_GET_ROUNDS = 8;

/** A condition refused the write (a transaction still cancelled for a conflict after its retries is an error, not a refusal). */
function isConditionFailure(error: unknown): boolean {
  if (error instanceof TransactionCanceledException) return cancellationCodes(error)!.includes('ConditionalCheckFailed');
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
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
      await transactWrite(this.db, [
        { Put: { TableName: this.tableName, Item: { pk: 'CURRENT', sk: 'ACTIVATION', activationId: activation.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: this.tableName, Item: { pk: `ACT#${activation.id}`, sk: 'META', ...activation }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: this.tableName, Item: { pk: 'ACTIVATIONS', sk: `${activation.openedAt}#${activation.id}`, activationId: activation.id } } },
      ]);
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async markWavePlanned(activationId: string, wave: number): Promise<void> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName, Key: { pk: `ACT#${activationId}`, sk: 'META' },
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(plannedWave) OR plannedWave < :w)',
        UpdateExpression: 'SET plannedWave = :w', ExpressionAttributeValues: { ':w': wave },
      }));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async raiseActivation(activationId: string, raise: ActivationRaise, expectedWave: number): Promise<boolean> {
    const writeId = newWriteId();
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ACT#${activationId}`, sk: 'META' },
        ConditionExpression: '#status = :open AND wave = :expected',
        UpdateExpression: 'SET #level = :level, zoneLevels = :zoneLevels, wave = :wave, raisedAt = :at, writeId = :w',
        ExpressionAttributeNames: { '#status': 'status', '#level': 'level' },
        ExpressionAttributeValues: { ':open': 'open', ':expected': expectedWave, ':level': raise.level, ':zoneLevels': raise.zoneLevels, ':wave': raise.wave, ':at': raise.raisedAt, ':w': writeId },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return landedEarlier(error, writeId);
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

  async listReportedShortfalls(activationId: string): Promise<Set<string>> {
    const items = await queryAll<{ sk: string }>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)', ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':s': 'SHORT#' }, ConsistentRead: true, ProjectionExpression: 'sk' });
    return new Set(items.map((i) => i.sk.slice('SHORT#'.length)));
  }

  async markShortfallsReported(activationId: string, passKeys: readonly string[]): Promise<void> {
    await putAll(this.db, this.tableName, passKeys.map((key) => ({ pk: `ACT#${activationId}`, sk: `SHORT#${key}` })), 'shortfall markers');
  }

  async listTasks(activationId: string): Promise<Task[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)', ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':t': 'TASK#' }, ConsistentRead: true });
    return items.map((i) => stripKeys<Task>(i));
  }

  async getTasks(activationId: string, taskIds: readonly string[]): Promise<Task[]> {
    const found = new Map<string, Task>();
    const ids = [...new Set(taskIds)];
    const keys = ids.map((id) => ({ pk: `ACT#${activationId}`, sk: `TASK#${id}` }));
    for (let i = 0; i < keys.length; i += BATCH_GET_KEYS) {
      let pending: Record<string, unknown>[] = keys.slice(i, i + BATCH_GET_KEYS);
      for (let round = 0; pending.length > 0; round++) {
        if (round >= BATCH_GET_ROUNDS) throw new Error(`reading ${keys.length} tasks of ${activationId}: ${pending.length} still unprocessed after ${round} rounds`);
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** round)));
        const out = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
        for (const item of out.Responses?.[this.tableName] ?? []) found.set(item.id as string, stripKeys<Task>(item));
        // Keys DynamoDB did not get to (throttling, the 16 MB limit) are asked for again.
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    // In the order asked (BatchGetItem answers in any order).
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async listOpenTasksForCrew(crewId: string): Promise<Task[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, IndexName: 'byCrew', KeyConditionExpression: 'gsi1pk = :c', ExpressionAttributeValues: { ':c': `CREW#${crewId}` } });
    return items.map((i) => stripKeys<Task>(i)).filter((t) => OPEN_TASK_STATES.includes(t.state));
  }

  async closeTasks(tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<Task[]> {
    const teams = new Map<string, Task[]>();
    for (const t of tasks) {
      const team = `${t.crewId}|${t.vehicleId}`;
      teams.set(team, [...(teams.get(team) ?? []), t]);
    }
    const closed: Task[] = [];
    for (const team of teams.values()) closed.push(...(await this.bookings.closeTeamTasks(team, to, at, guard)));
    return closed;
  }

  async transitionTask(task: Task, from: TaskState, to: TaskState, at: string, guard?: TransitionGuard): Promise<boolean> {
    // Closing an open task also counts it off its team's locks (see DynamoBookings.closeTask).
    if (OPEN_TASK_STATES.includes(from) && !OPEN_TASK_STATES.includes(to)) return this.bookings.closeTask(task, from, to, at, guard);
    const writeId = newWriteId();
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ACT#${task.activationId}`, sk: `TASK#${task.id}` },
        // Still with the crew the caller read: an old leader's reply does not move a task reassigned meanwhile.
        ConditionExpression: '#state = :from AND crewId = :crew',
        UpdateExpression: OPEN_TASK_STATES.includes(to) ? 'SET #state = :to, updatedAt = :at, writeId = :w' : 'SET #state = :to, updatedAt = :at, writeId = :w REMOVE gsi1pk, gsi1sk',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':from': from, ':to': to, ':at': at, ':w': writeId, ':crew': task.crewId },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
    } catch (error) {
      if (isConditionFailure(error)) return landedEarlier(error, writeId);
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

  async completeMessage(message: SmsMessage): Promise<boolean> {
    // A known end (sent, failed) may replace "in-doubt" written by a concurrent retry; "in-doubt" replaces only "queued".
    const condition = message.state === 'in-doubt' ? '#state = :queued' : '#state IN (:queued, :doubt)';
    const writeId = newWriteId();
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName, Item: { ...this.messageItem(message), writeId },
        ConditionExpression: `attribute_exists(pk) AND ${condition}`,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: message.state === 'in-doubt' ? { ':queued': 'queued' } : { ':queued': 'queued', ':doubt': 'in-doubt' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return landedEarlier(error, writeId);
      throw error;
    }
  }

  async listMessages(activationId: string): Promise<SmsMessage[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)', ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':m': 'MSG#' }, ConsistentRead: true });
    return items.map((i) => stripKeys<SmsMessage>(i));
  }

  async claimInbound(inboundMessageId: string, at: string): Promise<InboundClaim> {
    const writeId = newWriteId();
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName, Item: { pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND', at, state: 'received', expiresAt: Math.floor(Date.parse(at) / 1000) + INBOUND_TTL_S, writeId },
        ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return { status: 'new' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (landedEarlier(error, writeId)) return { status: 'new' };
    }
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND' }, ConsistentRead: true }));
    // Claims written before handling was tracked have no state: they were handled.
    const state = out.Item?.state as string | undefined;
    const abandoned = state === 'received' && Date.parse(at) - Date.parse(out.Item!.at as string) > INBOUND_RUN_MS;
    if (state !== 'released' && !abandoned) return { status: 'duplicate' };
    const note = out.Item!.note as InboundNote | undefined;
    return { status: 'unfinished', ...(note ? { note } : {}) };
  }

  async releaseInbound(inboundMessageId: string): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.tableName, Key: { pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND' }, ConditionExpression: '#state = :received',
      UpdateExpression: 'SET #state = :released', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':received': 'received', ':released': 'released' },
    })).catch((error: unknown) => { if (!isConditionFailure(error)) throw error; });
  }

  async noteInbound(inboundMessageId: string, note: InboundNote): Promise<void> {
    await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: { pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND' }, UpdateExpression: 'SET note = :n', ExpressionAttributeValues: { ':n': note } }));
  }

  async finishInbound(inboundMessageId: string): Promise<void> {
    await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: { pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND' }, UpdateExpression: 'SET #state = :handled', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':handled': 'handled' } }));
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
    const writeId = newWriteId();
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName, Item: { ...this.caseItem(c), writeId }, ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return landedEarlier(error, writeId);
      throw error;
    }
  }

  async listTaskingCases(activationId: string): Promise<TaskingCase[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':c': 'CASE#' }, ConsistentRead: true });
    return items.map((i) => stripKeys<TaskingCase>(i));
  }

  async listCrewTaskingCases(activationId: string, crewId: string): Promise<TaskingCase[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ConsistentRead: true,
      ExpressionAttributeValues: { ':pk': `ACT#${activationId}`, ':c': `CASE#${crewTaskingPrefix(activationId, crewId)}` },
    });
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

  async claimHelpReply(phone: string, at: string, windowMinutes: number, forMessage: string): Promise<boolean> {
    const cutoff = new Date(Date.parse(at) - windowMinutes * 60_000).toISOString();
    // Keyed by the SMS answered, so that the SDK's resend and a retried delivery both recognise their own claim.
    const writeId = `inbound:${forMessage}`;
    try {
      await this.db.send(new PutCommand({
        TableName: this.tableName,
        Item: { pk: `HELP#${phone}`, sk: 'HELP', at, expiresAt: Math.floor(Date.parse(at) / 1000) + windowMinutes * 60, writeId },
        ConditionExpression: 'attribute_not_exists(pk) OR #at < :cutoff',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':cutoff': cutoff },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return landedEarlier(error, writeId);
      throw error;
    }
  }

  async closeActivation(id: string, close: { closedAt: string; closedBy: string; closeReason: string }): Promise<'closed' | 'not-open'> {
    try {
      await transactWrite(this.db, [
        {
          Update: {
            TableName: this.tableName,
            Key: { pk: `ACT#${id}`, sk: 'META' },
            ConditionExpression: '#status = :open',
            UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by, closeReason = :reason',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open', ':closed': 'stood-down', ':at': close.closedAt, ':by': close.closedBy, ':reason': close.closeReason },
          },
        },
        // The pointer goes only if it still names this activation (a missing pointer passes too).
        { Delete: { TableName: this.tableName, Key: { pk: 'CURRENT', sk: 'ACTIVATION' }, ConditionExpression: 'attribute_not_exists(pk) OR activationId = :id', ExpressionAttributeValues: { ':id': id } } },
      ]);
      return 'closed';
    } catch (error) {
      if (isConditionFailure(error)) return 'not-open';
      throw error;
    }
  }

  async changeActivationLevel(id: string, from: ActiveLevel, to: ActiveLevel, zoneLevels: Record<string, ResponseLevel>): Promise<boolean> {
    const writeId = newWriteId();
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ACT#${id}`, sk: 'META' },
        ConditionExpression: '#status = :open AND #level = :from',
        UpdateExpression: 'SET #level = :to, zoneLevels = :zones, writeId = :w',
        ExpressionAttributeNames: { '#status': 'status', '#level': 'level' },
        ExpressionAttributeValues: { ':open': 'open', ':from': from, ':to': to, ':zones': zoneLevels, ':w': writeId },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return landedEarlier(error, writeId);
      throw error;
    }
  }

  async listActivations(limit: number): Promise<Activation[]> {
    const page = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'ACTIVATIONS' }, ScanIndexForward: false, Limit: limit }));
    const found = await Promise.all((page.Items ?? []).map((i) => this.getActivation(i.activationId as string)));
    return found.filter((a): a is Activation => a !== undefined);
  }

  /** Booking logic lives in DynamoBookings; this store delegates to it. */
  private get bookings(): DynamoBookings {
    return new DynamoBookings(this.db, this.tableName);
  }

  private caseItem(c: TaskingCase): Record<string, unknown> {
    return { pk: `ACT#${c.activationId}`, sk: `CASE#${c.id}`, ...(c.dueAt ? { gsi2pk: DUE_PARTITION, gsi2sk: `${c.dueAt}#${c.id}` } : {}), ...c };
  }

  private messageItem(m: SmsMessage): Record<string, unknown> {
    return { pk: `ACT#${m.activationId}`, sk: `MSG#${m.id}`, ...m };
  }
}
