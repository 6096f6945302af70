import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../adapters/dynamo/documentClient.ts';
import { DynamoBannedPhones } from '../../adapters/dynamo/DynamoBannedPhones.ts';
import { DynamoCitizenCases } from '../../adapters/dynamo/DynamoCitizenCases.ts';
import { DynamoPhoneVerifications } from '../../adapters/dynamo/DynamoPhoneVerifications.ts';
import { DynamoRateQuotas } from '../../adapters/dynamo/DynamoRateQuotas.ts';
import { PowertoolsAttemptGuard } from '../../adapters/idempotency/PowertoolsAttemptGuard.ts';
import type { Telemetry } from '../../adapters/observability/Telemetry.ts';
import { RandomSecrets } from '../../adapters/system/RandomSecrets.ts';
import { systemTimer } from '../../adapters/system/SystemTimer.ts';
import { statusPath } from '../../core/citizen/statusPath.ts';
import { DEFAULT_RETRY_POLICY } from '../../core/dispatch/RetryPolicy.ts';
import { TokenBucket } from '../../core/dispatch/TokenBucket.ts';
import type { PhotoStore } from '../../core/ports/PhotoStore.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';
import type { CitizenPorts } from '../api/ApiDeps.ts';
import { dynamoIdempotencyStore } from '../../adapters/idempotency/dynamoIdempotencyStore.ts';

/** The citizen loop's ports in a Lambda: its table, the exactly-once guard on the idempotency table, the handler's SMS sender, and the photo store where the handler has one (the public API). */
export function buildCitizenPorts(env: { CITIZEN_TABLE: string; IDEMPOTENCY_TABLE: string; SMS_PARTS_PER_SECOND: number; CITIZEN_PAGE_URL?: string | undefined }, sms: SmsSender, telemetry: Telemetry, photos?: PhotoStore): CitizenPorts {
  const db = telemetry.tracer.captureAWSv3Client(documentClient());
  const page = env.CITIZEN_PAGE_URL?.replace(/\/+$/, '');
  return {
    cases: new DynamoCitizenCases(db, env.CITIZEN_TABLE),
    bans: new DynamoBannedPhones(db, env.CITIZEN_TABLE),
    verifications: new DynamoPhoneVerifications(db, env.CITIZEN_TABLE),
    quotas: new DynamoRateQuotas(db, env.CITIZEN_TABLE),
    secrets: new RandomSecrets(),
    ...(photos ? { photos } : {}),
    sms,
    messaging: {
      guard: new PowertoolsAttemptGuard({ persistenceStore: dynamoIdempotencyStore(env.IDEMPOTENCY_TABLE, telemetry.tracer.captureAWSv3Client(new DynamoDBClient({}))) }),
      // Reporters are texted a few at a time (a code, a registration, a closing), at the stage's pace: a fixed 5 per
      // second was five times a long code's 1, and every part past the pace is throttled.
      limiter: new TokenBucket({ partsPerSecond: env.SMS_PARTS_PER_SECOND, now: systemTimer.now, sleep: systemTimer.sleep }),
      // A reporter's SMS that fails is in the response log (citizen.sms-failed); no queue holds it.
      deadLetters: { send: async () => {} },
      retry: { ...DEFAULT_RETRY_POLICY, maxTries: 3 },
      sleep: systemTimer.sleep,
      random: Math.random,
      concurrency: 1,
    },
    statusLink: (caseId, key) => (page ? `${page}${statusPath(caseId, key)}` : undefined),
  };
}
