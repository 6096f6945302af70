import { describe, expect, it } from 'vitest';
import { dynamoOperations } from '../../../functions/adapters/dynamo/dynamoOperations.ts';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import { localTables } from '../../support/localTables.ts';

const activation: Activation = { id: 'act-1', level: 'III', zoneLevels: { jiefang: 'III' }, status: 'open', openedAt: '2026-12-14T00:00:00.000Z', openedBy: 'poller', reason: 'test', evidenceCount: 0, wave: 1 };

describe('DynamoActivationStore.upgradeActivation on DynamoDB Local', () => {
  it('upgrades the open activation and moves it to the next wave', async () => {
    const { db, names } = await localTables();
    const ops = dynamoOperations(db, names.OPERATIONS_TABLE).activations;
    await ops.createActivation(activation, []);

    const ok = await ops.upgradeActivation('act-1', { level: 'I', zoneLevels: { jiefang: 'I' }, wave: 2, upgradedAt: '2026-12-14T01:00:00.000Z' }, 1);

    expect(ok).toBe(true);
    expect(await ops.getOpenActivation()).toMatchObject({ level: 'I', zoneLevels: { jiefang: 'I' }, wave: 2, upgradedAt: '2026-12-14T01:00:00.000Z' });
  });

  it('refuses an upgrade based on a wave someone else has already moved past', async () => {
    const { db, names } = await localTables();
    const ops = dynamoOperations(db, names.OPERATIONS_TABLE).activations;
    await ops.createActivation(activation, []);
    await ops.upgradeActivation('act-1', { level: 'II', zoneLevels: { jiefang: 'II' }, wave: 2, upgradedAt: '2026-12-14T01:00:00.000Z' }, 1);

    const second = await ops.upgradeActivation('act-1', { level: 'I', zoneLevels: { jiefang: 'I' }, wave: 2, upgradedAt: '2026-12-14T01:00:01.000Z' }, 1);

    expect({ second, level: (await ops.getActivation('act-1'))?.level }).toEqual({ second: false, level: 'II' });
  });
});
