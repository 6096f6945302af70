import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { runStorm, type StormResult } from '../../local/demo/runStorm.ts';

const STORM = fileURLToPath(new URL('../../local/storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));

describe('the local storm through the Alibaba Cloud SMS adapter, against a local endpoint answering like Dysmsapi', () => {
  let result: StormResult;

  beforeAll(async () => {
    const outboxFile = join(await mkdtemp(join(tmpdir(), 'snowops-aliyun-')), 'outbox.jsonl');
    result = await runStorm({ forecastFile: STORM, outboxFile, polls: 3, dynamoEndpoint: inject('dynamoEndpoint'), sms: 'aliyun' });
  }, 240_000);

  it('sends every SMS of the storm as a registered template the endpoint accepts: none refused', () => {
    expect(result.aliyun!.requests.length).toBeGreaterThan(20);
    expect(result.aliyun!.requests.filter((r) => r.code !== 'OK')).toEqual([]);
  });

  it('shows each phone exactly the text the system rendered and counted, signature first', () => {
    const shown = result.aliyun!.delivered.map((d) => d.text).sort();
    expect(shown).toEqual(result.outbox.map((s) => s.body).sort());
    expect(shown.every((text) => text.startsWith('【扫雪】'))).toBe(true);
  });

  it('takes the crews\' replies from the uplink callback into the same reply handling: acknowledged, done, cannot, help, unknown sender', () => {
    expect(new Set(result.replies.map((r) => r.outcome))).toEqual(new Set(['applied', 'unknown-reply', 'unknown-sender']));
    const actions = new Set(result.log.map((e) => e.action));
    for (const action of ['reply.ack', 'reply.done', 'reply.cannot', 'reply.unknown', 'reply.unknown-sender']) expect(actions).toContain(action);
  });

  it('logs the delivery receipts the endpoint pushed back, by the message they belong to', () => {
    const receipts = result.log.filter((e) => e.action === 'sms.delivered');
    expect(receipts.length).toBeGreaterThan(0);
    const keys = new Set(result.outbox.map((s) => `message:${s.idempotencyKey}`));
    expect(receipts.every((e) => e.subject !== undefined && keys.has(e.subject))).toBe(true);
  });
});
