/**
 * bench/dispatch: 1,000 taskings through the dispatcher's send pipeline (Powertools attempt guard on
 * DynamoDB Local, parts-per-second token bucket, jittered retries, the real @aws-sdk/client-sns) to the
 * local SNS-like endpoint, paced at 100 parts/s with 10 % of Publish calls throttled.
 * Figures: wall time against the ideal (parts / rate) and against a reference run without throttling in
 * the same process; duplicates (more than one accepted Publish for a tasking) and lost (none accepted).
 * Ends with: dispatch n=<n> ratio=<x> duplicates=<d> lost=<l>
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PowertoolsAttemptGuard } from '../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { dynamoIdempotencyStore } from '../functions/adapters/idempotency/dynamoIdempotencyStore.ts';
import { SnsOptOutChecker } from '../functions/adapters/sms/SnsOptOutChecker.ts';
import { SnsSmsSender } from '../functions/adapters/sms/SnsSmsSender.ts';
import { systemTimer } from '../functions/adapters/system/SystemTimer.ts';
import { IDEMPOTENCY_TABLE } from '../functions/config/tables.ts';
import { runPool } from '../functions/core/dispatch/runPool.ts';
import { sendOnce } from '../functions/core/dispatch/sendOnce.ts';
import { DEFAULT_RETRY_POLICY } from '../functions/core/dispatch/RetryPolicy.ts';
import type { SendOutcome } from '../functions/core/dispatch/SendOutcome.ts';
import { TokenBucket } from '../functions/core/dispatch/TokenBucket.ts';
import { renderTasking } from '../functions/core/messages/renderTasking.ts';
import type { Task } from '../functions/core/operations/Task.ts';
import { createTables } from '../local/dynamo/createTables.ts';
import { LOCAL_AWS, startDynamoLocal } from '../local/dynamo/startDynamoLocal.ts';
import { startSnsServer } from '../local/sns/startSnsServer.ts';

const N = Number(process.env.BENCH_N ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 0.1);
const CONCURRENCY = 16;

interface Tasking { key: string; to: string; body: string; parts: number }

function taskings(run: string, n: number): Tasking[] {
  return Array.from({ length: n }, (_, i) => {
    const code = `T${String(i + 1).padStart(4, '0')}`;
    const task: Task = {
      id: `bench-${code}`, code, activationId: 'bench', roadId: `R${i}`, roadName: '人民路', zoneId: 'z', tier: 1, pass: 'plough', laneKm: 3,
      crewId: `C${i}`, vehicleId: `V${i}`, vehicleLabel: '豫H铲001', depot: '解放区车场', sequence: 0, startBy: '2026-12-14T00:30:00Z',
      passableAt: '2026-12-14T02:00:00Z', state: 'planned', wave: 1, updatedAt: '2026-12-14T00:00:00Z',
    };
    const sms = renderTasking({ language: 'zh-CN', level: 'II', tasks: [task], timeZone: 'Asia/Shanghai' });
    return { key: `${run}#${code}#a1`, to: `+861390${String(i).padStart(6, '0')}`, body: sms.body, parts: sms.segments };
  });
}

async function run(name: string, n: number, rate: number, throttleRate: number, dynamo: DynamoDBClient, tableName: string) {
  const sns = await startSnsServer({ throttleRate, seed: 42, maxPartsPerSecond: rate });
  const client = new SNSClient({ endpoint: sns.endpoint, maxAttempts: 1, ...LOCAL_AWS });
  const messaging = {
    guard: new PowertoolsAttemptGuard({ persistenceStore: dynamoIdempotencyStore(tableName, dynamo) }),
    limiter: new TokenBucket({ partsPerSecond: rate, now: systemTimer.now, sleep: systemTimer.sleep }),
    optOut: new SnsOptOutChecker(client),
    deadLetters: { send: async () => {} },
    retry: DEFAULT_RETRY_POLICY,
    sleep: systemTimer.sleep,
    random: Math.random,
    concurrency: CONCURRENCY,
  };
  const sender = new SnsSmsSender(client);
  const items = taskings(name, n);
  const parts = items.reduce((s, t) => s + t.parts, 0);
  await messaging.optOut.prefetch(items.map((t) => t.to));
  const started = performance.now();
  const outcomes: SendOutcome[] = await runPool(items, CONCURRENCY, (t) => sendOnce(sender, messaging, t));
  const seconds = (performance.now() - started) / 1000;
  const accepted = new Map<string, number>();
  for (const p of sns.published) accepted.set(p.phoneNumber, (accepted.get(p.phoneNumber) ?? 0) + 1);
  const duplicates = [...accepted.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
  const lost = items.filter((t, i) => !accepted.has(t.to) || outcomes[i]!.status !== 'sent').length;
  const retries = outcomes.reduce((s, o) => s + Math.max(0, o.tries - 1), 0);
  const stats = { ...sns.stats };
  client.destroy();
  await sns.close();
  return { seconds, parts, duplicates, lost, retries, stats };
}

async function main(): Promise<void> {
  const dynamo = await startDynamoLocal();
  const db = new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS });
  try {
    const names = await createTables(db, [IDEMPOTENCY_TABLE], `bench-${Date.now().toString(36)}-`);
    const table = names.IDEMPOTENCY_TABLE!;
    console.log(`bench dispatch: ${N} taskings, ${RATE} parts/s, ${(THROTTLE * 100).toFixed(0)} % throttled, ${CONCURRENCY} in flight, guard on DynamoDB Local`);
    await run('warm-up', 200, 1000, 0, db, table); // JIT and DynamoDB Local's JVM warm up before anything is timed.
    const reference = await run('reference', N, RATE, 0, db, table);
    const ideal = reference.parts / RATE;
    console.log(`reference (no throttling): ${reference.seconds.toFixed(2)} s for ${reference.parts} parts; ideal ${ideal.toFixed(2)} s; ratio ${(reference.seconds / ideal).toFixed(3)}`);
    const measured = await run('throttled', N, RATE, THROTTLE, db, table);
    const ratio = measured.seconds / ideal;
    console.log(`throttled: ${measured.seconds.toFixed(2)} s; ${measured.stats.throttled} Publish calls throttled (${measured.stats.rateLimited} by the account rate), ${measured.retries} retries, ${measured.stats.optOutLists} opt-out list fetch(es)`);
    console.log(`ratio to ideal ${ratio.toFixed(3)} (target ≤ 1.1); ratio to reference run ${(measured.seconds / reference.seconds).toFixed(3)}`);
    console.log(`dispatch n=${N} ratio=${ratio.toFixed(3)} duplicates=${measured.duplicates + reference.duplicates} lost=${measured.lost + reference.lost}`);
  } finally {
    db.destroy();
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench dispatch: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
