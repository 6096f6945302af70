import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../../../functions/core/dispatch/deliver.ts';
import { sendOnce } from '../../../functions/core/dispatch/sendOnce.ts';
import { TokenBucket } from '../../../functions/core/dispatch/TokenBucket.ts';
import { systemTimer } from '../../../functions/adapters/system/SystemTimer.ts';
import type { SmsSender } from '../../../functions/core/ports/SmsSender.ts';
import { messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

let world: MessagingWorld | undefined;
afterEach(async () => world?.close());

const sms = (n: number) => ({ key: `test#${n}#a1`, to: `+86139100${String(n).padStart(5, '0')}`, body: `【扫雪】T${n} 人民路铲雪`, parts: 1 });

describe('send pipeline against the local SNS endpoint, with the attempt guard on the in-memory twins', () => {
  it('local SNS endpoint: paces publishes to the configured parts per second', async () => {
    world = await messagingWorld({ sns: { maxPartsPerSecond: 100 } });
    const m = { ...world.deps.messaging, limiter: new TokenBucket({ partsPerSecond: 100, now: systemTimer.now, sleep: systemTimer.sleep }) };
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => sendOnce(world!.deps.sms, m, sms(i))));
    const seconds = (performance.now() - started) / 1000;
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual((40 - 10) / 100 - 0.02); // 10 parts of burst, then 100 per second
    expect(world.sns.stats.rateLimited).toBe(0);
  });

  it('local SNS endpoint: retries throttled publishes with backoff and publishes the message once', async () => {
    world = await messagingWorld({ sns: { fault: (call) => (call <= 2 ? 'throttle' : undefined) } });
    const outcome = await sendOnce(world.deps.sms, world.deps.messaging, sms(1));
    expect(outcome).toMatchObject({ status: 'sent', tries: 3 });
    expect(world.sns.stats.throttled).toBe(2);
    expect(world.sns.published).toHaveLength(1);
  });

  it('local SNS endpoint: retries a transient 500 InternalError', async () => {
    world = await messagingWorld({ sns: { fault: (call) => (call === 1 ? 'internal-error' : undefined) } });
    expect(await sendOnce(world.deps.sms, world.deps.messaging, sms(1))).toMatchObject({ status: 'sent', tries: 2 });
    expect(world.sns.published).toHaveLength(1);
  });

  it('local SNS endpoint: an opted-out number (CheckIfPhoneNumberIsOptedOut) fails for good without a Publish', async () => {
    world = await messagingWorld({ sns: { optedOut: [sms(1).to] } });
    expect(await sendOnce(world.deps.sms, world.deps.messaging, sms(1))).toMatchObject({ status: 'failed', permanent: true, reason: 'opted out of SMS' });
    expect(world.sns.stats.publishCalls).toBe(0);
  });

  it('local SNS endpoint: an invalid number fails for good without a Publish', async () => {
    world = await messagingWorld();
    expect(await sendOnce(world.deps.sms, world.deps.messaging, { ...sms(1), to: '+86' })).toMatchObject({ status: 'failed', permanent: true, tries: 0 });
    expect(world.sns.stats.publishCalls).toBe(0);
  });

  it('local SNS endpoint: a completed attempt run again is replayed from its record, not published again', async () => {
    world = await messagingWorld();
    const first = await sendOnce(world.deps.sms, world.deps.messaging, sms(1));
    const again = await sendOnce(world.deps.sms, world.deps.messaging, sms(1));
    expect(again).toMatchObject({ status: 'sent', replayed: true, providerMessageId: first.status === 'sent' ? first.providerMessageId : 'none' });
    expect(world.sns.published).toHaveLength(1);
  });

  it('local SNS endpoint: a crash after Publish and before the record completes, then a retry, gives exactly one Publish for the attempt', async () => {
    world = await messagingWorld();
    const real = world.deps.sms;
    // The process "dies" right after SNS accepted the Publish: nothing after it runs, the record stays in progress.
    const crashing: SmsSender = { send: async (m) => { await real.send(m); return new Promise(() => {}); } };
    void sendOnce(crashing, world.deps.messaging, sms(1));
    await expect.poll(() => world!.sns.published.length).toBe(1);
    const retry = await sendOnce(real, world.deps.messaging, sms(1));
    expect(retry.status).toBe('in-doubt');
    expect(world.sns.published).toHaveLength(1);
  });

  it('local SNS endpoint: a message that exhausts its retries is stored failed and goes to the dead-letter queue', async () => {
    world = await messagingWorld({ sns: { fault: () => 'throttle' }, retry: { maxTries: 3 } });
    const d = await deliver(world.deps, { id: 'system#test#a1', activationId: 'system', crewId: 'C01', to: sms(1).to, body: sms(1).body, segments: 1, encoding: 'UCS-2', taskIds: [] }, 'test');
    expect(d.message).toMatchObject({ state: 'failed', permanent: false });
    expect(d.message.failure).toContain('gave up after 3 tries');
    expect(await world.smsRecords.getMessage('system', 'system#test#a1')).toMatchObject({ state: 'failed' });
    const letters = (await readFile(world.deadLetters.file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(letters).toEqual([expect.objectContaining({ key: 'system#test#a1', tries: 3, to: '+86 139****0001' })]);
  });
});
