import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActiveLevel, ResponseLevel } from '../../core/levels/ResponseLevel.ts';
import type { Activation } from '../../core/operations/Activation.ts';
import type { ActivationUpgrade } from '../../core/operations/ActivationUpgrade.ts';
import type { ActivationProgress } from '../../core/operations/ActivationProgress.ts';
import type { ActivationClose, ActivationStore } from '../../core/ports/ActivationStore.ts';
import type { Evidence } from '../../core/triggers/Evidence.ts';
import { activationPartition, operationsKeys, PARTITION, PREFIX } from '../../config/operationsKeys.ts';
import { transactIf, writeIf } from './conditionalWrite.ts';
import { openMarkItems } from './openMarks.ts';
import { evidenceRuns } from './evidenceItems.ts';
import { putAll } from './putAll.ts';
import { queryAll } from './queryAll.ts';
import { stripKeys } from './stripKeys.ts';

/**
 * Activations in the operations table: META per activation, its evidence in runs beside it (EVIDENCE#nnnn), the
 * CURRENT pointer to the open one, an index by opening time, and its open marks (operationsKeys.openLane, which
 * bookings check) written with the record and deleted with the close.
 */
export class DynamoActivationStore implements ActivationStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async getOpenActivation(): Promise<Activation | undefined> {
    const pointer = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.openActivation(), ConsistentRead: true }));
    return pointer.Item ? this.getActivation(pointer.Item.activationId as string) : undefined;
  }

  async getActivation(id: string): Promise<Activation | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.activation(id), ConsistentRead: true }));
    return out.Item ? stripKeys<Activation>(out.Item) : undefined;
  }

  async createActivation(activation: Activation, evidence: readonly Evidence[]): Promise<'created' | 'exists'> {
    // The evidence lands first, under this activation's fresh id: a losing opener leaves runs no record names
    // (never read), while a transaction holding them would cap a city's evidence at 4 MB.
    const runs = evidenceRuns(evidence).map((entries, run) => ({ ...operationsKeys.evidence(activation.id, run), entries }));
    await putAll(this.db, this.tableName, runs, `evidence of ${activation.id}`);
    const out = await transactIf(this.db, [
      { name: 'pointer', item: { Put: { TableName: this.tableName, Item: { ...operationsKeys.openActivation(), activationId: activation.id }, ConditionExpression: 'attribute_not_exists(pk)' } } },
      { name: 'activation', item: { Put: { TableName: this.tableName, Item: { ...operationsKeys.activation(activation.id), ...activation }, ConditionExpression: 'attribute_not_exists(pk)' } } },
      { name: 'index', item: { Put: { TableName: this.tableName, Item: { ...operationsKeys.activationIndex(activation.openedAt, activation.id), activationId: activation.id } } } },
      ...openMarkItems(activation.id, (key) => ({ Put: { TableName: this.tableName, Item: { ...key, activationId: activation.id } } })),
    ]);
    return out.outcome === 'written' ? 'created' : 'exists';
  }

  async getEvidence(activationId: string): Promise<Evidence[]> {
    const runs = await queryAll<{ entries: Evidence[] }>(this.db, {
      TableName: this.tableName, ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': activationPartition(activationId), ':prefix': PREFIX.evidence },
    });
    return runs.flatMap((r) => r.entries);
  }

  async markWavePlanned(activationId: string, wave: number): Promise<void> {
    // Refused when a later wave is already recorded: plannedWave only goes up.
    await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.activation(activationId),
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(plannedWave) OR plannedWave < :w)',
      UpdateExpression: 'SET plannedWave = :w', ExpressionAttributeValues: { ':w': wave },
    } });
  }

  async noteBookingRun(activationId: string): Promise<void> {
    // An ADD the SDK retries after it landed counts twice: harmless, it costs one more dispatch request at most.
    await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.activation(activationId),
      ConditionExpression: 'attribute_exists(pk)', UpdateExpression: 'ADD bookingRuns :one', ExpressionAttributeValues: { ':one': 1 },
    } });
  }

  async markBookingsDispatched(activationId: string, bookingRuns: number): Promise<void> {
    // Refused when a later dispatch recorded more: the count only goes up.
    await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.activation(activationId),
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(dispatchedBookingRuns) OR dispatchedBookingRuns < :n)',
      UpdateExpression: 'SET dispatchedBookingRuns = :n', ExpressionAttributeValues: { ':n': bookingRuns },
    } });
  }

  async noteRefusal(activationId: string, crewId: string): Promise<void> {
    // Refused when the crew is listed already (a retried reply): each crew once, the record small.
    await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.activation(activationId),
      ConditionExpression: 'attribute_exists(pk) AND NOT contains(refusedCrewIds, :crew)',
      UpdateExpression: 'SET refusedCrewIds = list_append(if_not_exists(refusedCrewIds, :none), :crews)',
      ExpressionAttributeValues: { ':crew': crewId, ':crews': [crewId], ':none': [] },
    } });
  }

  async recordProgress(activationId: string, progress: ActivationProgress): Promise<void> {
    // Refused when a later wave's progress is recorded: a slow worker never hides a newer wave's state.
    await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.activation(activationId),
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(progress) OR progress.wave <= :w)',
      UpdateExpression: 'SET progress = :p', ExpressionAttributeValues: { ':w': progress.wave, ':p': progress },
    } });
  }

  async upgradeActivation(activationId: string, upgrade: ActivationUpgrade, expectedWave: number): Promise<boolean> {
    return (await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.activation(activationId),
      ConditionExpression: '#status = :open AND wave = :expected',
      UpdateExpression: 'SET #level = :level, zoneLevels = :zoneLevels, wave = :wave, upgradedAt = :at',
      ExpressionAttributeNames: { '#status': 'status', '#level': 'level' },
      ExpressionAttributeValues: { ':open': 'open', ':expected': expectedWave, ':level': upgrade.level, ':zoneLevels': upgrade.zoneLevels, ':wave': upgrade.wave, ':at': upgrade.upgradedAt },
    } }, true)) === 'written';
  }

  async abandonActivation(activationId: string, at: string, reason: string): Promise<void> {
    // Refused when the pointer no longer names this activation: someone else closed it already.
    await transactIf(this.db, [
      { name: 'pointer', item: { Delete: { TableName: this.tableName, Key: operationsKeys.openActivation(), ConditionExpression: 'activationId = :a', ExpressionAttributeValues: { ':a': activationId } } } },
      { name: 'activation', item: { Update: { TableName: this.tableName, Key: operationsKeys.activation(activationId), UpdateExpression: 'SET #status = :s, abandonedAt = :at, abandonReason = :r', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':s': 'stood-down', ':at': at, ':r': reason } } } },
      ...openMarkItems(activationId, (key) => ({ Delete: { TableName: this.tableName, Key: key } })),
    ]);
  }

  async closeActivation(id: string, close: ActivationClose): Promise<'closed' | 'not-open'> {
    const out = await transactIf(this.db, [
      { name: 'activation', item: { Update: {
        TableName: this.tableName, Key: operationsKeys.activation(id),
        ConditionExpression: '#status = :open',
        UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by, closeReason = :reason',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open', ':closed': 'stood-down', ':at': close.closedAt, ':by': close.closedBy, ':reason': close.closeReason },
      } } },
      // The pointer goes only if it still names this activation (a missing pointer passes too).
      { name: 'pointer', item: { Delete: { TableName: this.tableName, Key: operationsKeys.openActivation(), ConditionExpression: 'attribute_not_exists(pk) OR activationId = :id', ExpressionAttributeValues: { ':id': id } } } },
      ...openMarkItems(id, (key) => ({ Delete: { TableName: this.tableName, Key: key } })),
    ]);
    return out.outcome === 'written' ? 'closed' : 'not-open';
  }


  async changeActivationLevel(id: string, from: ActiveLevel, to: ActiveLevel, zoneLevels: Record<string, ResponseLevel>): Promise<boolean> {
    return (await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.activation(id),
      ConditionExpression: '#status = :open AND #level = :from',
      UpdateExpression: 'SET #level = :to, zoneLevels = :zones',
      ExpressionAttributeNames: { '#status': 'status', '#level': 'level' },
      ExpressionAttributeValues: { ':open': 'open', ':from': from, ':to': to, ':zones': zoneLevels },
    } }, true)) === 'written';
  }

  async listActivations(limit: number): Promise<Activation[]> {
    const page = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PARTITION.activationIndex }, ScanIndexForward: false, Limit: limit }));
    const found = await Promise.all((page.Items ?? []).map((i) => this.getActivation(i.activationId as string)));
    return found.filter((a): a is Activation => a !== undefined);
  }
}
