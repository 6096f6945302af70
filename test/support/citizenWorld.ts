import { DynamoCitizenCases } from '../../functions/adapters/dynamo/DynamoCitizenCases.ts';
import { DynamoResponseLog } from '../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { RandomSecrets } from '../../functions/adapters/system/RandomSecrets.ts';
import { UlidGenerator } from '../../functions/adapters/system/UlidGenerator.ts';
import type { CitizenDeps } from '../../functions/core/citizen/CitizenDeps.ts';
import type { SecretGenerator } from '../../functions/core/ports/SecretGenerator.ts';
import { SimulatedClock } from '../../local/runtime/SimulatedClock.ts';
import { localTables } from './localTables.ts';

/** The citizen loop's ports on DynamoDB Local, with a clock the test moves. */
export async function citizenWorld(start = '2026-12-14T22:00:00.000Z'): Promise<CitizenDeps & { secrets: SecretGenerator; clock: SimulatedClock }> {
  const { db, names } = await localTables();
  const ids = new UlidGenerator();
  return {
    cases: new DynamoCitizenCases(db, names.CITIZEN_TABLE),
    log: new DynamoResponseLog(db, names.LOG_TABLE, ids),
    clock: new SimulatedClock(new Date(start)),
    ids,
    secrets: new RandomSecrets(),
  };
}
