import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoOperations } from '../../../functions/adapters/dynamo/dynamoOperations.ts';
import { DynamoResponseLog } from '../../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { UlidGenerator } from '../../../functions/adapters/system/UlidGenerator.ts';
import { operationsKeys } from '../../../functions/config/operationsKeys.ts';
import { openActivation } from '../../../functions/core/activation/openActivation.ts';
import { assessForecast } from '../../../functions/core/triggers/assessForecast.ts';
import { currentEvidence } from '../../../functions/core/triggers/currentEvidence.ts';
import { LOGGED_EVIDENCE_LIMIT } from '../../../functions/core/triggers/loggedEvidence.ts';
import { stormCity } from '../../../bench/storm/stormCity.ts';
import { FORECAST_START, forecastOfValues, storm } from '../../support/builders/forecast.ts';
import { localTables } from '../../support/localTables.ts';

// The storm bench's province (`xlarge`: 400 zones), every zone under 40 mm of snow water in 12 hours: level I, four pieces of evidence a zone.
const city = stormCity({ optOutShare: 0, seed: 1, size: 'xlarge' });
const assessment = assessForecast(forecastOfValues(storm({ total: 40, spread: 12, length: 48 })), city.plan, new Date(FORECAST_START));

describe('openActivation for a 400-zone city on DynamoDB Local', () => {
  it('keeps the activation record small and reads its evidence back whole', async () => {
    const { db, names } = await localTables();
    const ops = dynamoOperations(db, names.OPERATIONS_TABLE);
    const log = new DynamoResponseLog(db, names.LOG_TABLE, new UlidGenerator());
    await Promise.all(city.zones.map((zone) => ops.zoneStates.putZoneState({ zoneId: zone.id, level: assessment.level, evidence: assessment.evidence, provider: 'open-meteo', lastSuccessAt: FORECAST_START, lastPollAt: FORECAST_START, lastError: null })));
    const evidence = await currentEvidence(ops);
    const zoneLevels = Object.fromEntries(city.zones.map((z) => [z.id, 'I' as const]));

    const opened = await openActivation({ ...ops, log, clock: { now: () => new Date(FORECAST_START) }, ids: new UlidGenerator() }, { level: 'I', zoneLevels, actor: 'poller', reason: 'province-wide blizzard', evidence });

    const id = opened.activation.id;
    const meta = await db.send(new GetCommand({ TableName: names.OPERATIONS_TABLE, Key: operationsKeys.activation(id) }));
    const entry = (await log.list(id)).find((e) => e.action === 'activation.opened');
    expect({
      outcome: opened.outcome,
      pieces: evidence.length,
      // The record holds 400 zones' levels and no evidence: a few kilobytes against DynamoDB's 400 KB an item.
      recordUnder16Kb: JSON.stringify(meta.Item).length < 16_000,
      count: (await ops.activations.getActivation(id))?.evidenceCount,
      readBack: await ops.activations.getEvidence(id),
      logged: { count: entry?.details.evidenceCount, kept: (entry?.details.evidence as unknown[] | undefined)?.length },
    }).toEqual({ outcome: 'opened', pieces: 1600, recordUnder16Kb: true, count: 1600, readBack: evidence, logged: { count: 1600, kept: LOGGED_EVIDENCE_LIMIT } });
  });
});
