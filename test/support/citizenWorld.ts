import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoBannedPhones } from '../../functions/adapters/dynamo/DynamoBannedPhones.ts';
import { DynamoCitizenCases } from '../../functions/adapters/dynamo/DynamoCitizenCases.ts';
import { DynamoPhoneVerifications } from '../../functions/adapters/dynamo/DynamoPhoneVerifications.ts';
import { DynamoRateQuotas } from '../../functions/adapters/dynamo/DynamoRateQuotas.ts';
import { PowertoolsAttemptGuard } from '../../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { JsonlDeadLetterQueue } from '../../functions/adapters/queue/JsonlDeadLetterQueue.ts';
import { OutboxSmsSender } from '../../functions/adapters/sms/OutboxSmsSender.ts';
import { RandomSecrets } from '../../functions/adapters/system/RandomSecrets.ts';
import { systemTimer } from '../../functions/adapters/system/SystemTimer.ts';
import { DEFAULT_RETRY_POLICY } from '../../functions/core/dispatch/RetryPolicy.ts';
import { TokenBucket } from '../../functions/core/dispatch/TokenBucket.ts';
import { buildWorld } from './buildWorld.ts';
import { dynamoIdempotencyStore } from '../../functions/adapters/idempotency/dynamoIdempotencyStore.ts';

/** The citizen loop's ports on DynamoDB Local, SMS to an outbox through the exactly-once guard, and a clock the test moves. */
export async function citizenWorld(start = '2026-12-14T22:00:00.000Z') {
  const { tables: { db, client, names }, clock, ids, deps: { log } } = await buildWorld('dynamo', { start });
  const dir = await mkdtemp(join(tmpdir(), 'snowops-citizen-'));
  const sms = new OutboxSmsSender(join(dir, 'outbox.jsonl'), clock);
  return {
    cases: new DynamoCitizenCases(db, names.CITIZEN_TABLE),
    bans: new DynamoBannedPhones(db, names.CITIZEN_TABLE),
    verifications: new DynamoPhoneVerifications(db, names.CITIZEN_TABLE),
    quotas: new DynamoRateQuotas(db, names.CITIZEN_TABLE),
    log,
    clock,
    ids,
    secrets: new RandomSecrets(),
    sms,
    messaging: {
      guard: new PowertoolsAttemptGuard({ persistenceStore: dynamoIdempotencyStore(names.IDEMPOTENCY_TABLE, client) }),
      limiter: new TokenBucket({ partsPerSecond: 1000, now: systemTimer.now, sleep: systemTimer.sleep }),
      deadLetters: new JsonlDeadLetterQueue(join(dir, 'dead-letters.jsonl')),
      retry: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 },
      sleep: systemTimer.sleep,
      random: Math.random,
      concurrency: 4,
    },
    statusLink: (caseId: string, key: string) => `http://localhost/report/status.html?case=${caseId}#${key}`,
    /** SMS written to the outbox for a phone. */
    smsTo: (phone: string) => sms.sent.filter((s) => s.to === phone).map((s) => s.body),
  };
}
