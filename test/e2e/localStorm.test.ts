import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { runStorm, type StormResult } from '../../local/demo/runStorm.ts';

const STORM = fileURLToPath(new URL('../../local/storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));

describe('the local storm (demo city, recorded Open-Meteo storm, DynamoDB Local)', () => {
  let result: StormResult;
  let outboxFile: string;

  beforeAll(async () => {
    outboxFile = join(await mkdtemp(join(tmpdir(), 'snowops-e2e-')), 'outbox.jsonl');
    result = await runStorm({ forecastFile: STORM, outboxFile, polls: 3, dynamoEndpoint: inject('dynamoEndpoint') });
  });

  it('activates at level II, which the storm crosses with 12.9 mm of snow water in 6 hours', () => {
    expect(result.activation?.level).toBe('II');
    expect(result.activation?.evidence[0]).toMatchObject({ rule: expect.stringContaining('blizzard-6h'), threshold: 10 });
  });

  it('hands the wave to the activation planner as the deployed poller does: the activation was opened for it, planning', () => {
    expect(result.activation?.progress).toMatchObject({ wave: 1, phase: 'planning' });
    expect(result.tasks.length).toBeGreaterThan(0);
  });

  it('sends exactly one tasking SMS to each crew leader with tasks', () => {
    // First attempts only: resends, backups and the duty officer's notices come later, by escalation.
    const tasking = result.outbox.filter((s) => s.idempotencyKey.startsWith(result.activation!.id) && s.idempotencyKey.endsWith('#a1'));
    const leadersWithTasks = new Set(result.tasks.map((t) => t.crewId));
    expect(tasking).toHaveLength(leadersWithTasks.size);
    expect(new Set(tasking.map((s) => s.to)).size).toBe(tasking.length);
  });

  it('writes every SMS to the JSONL outbox', async () => {
    const lines = (await readFile(outboxFile, 'utf8')).trim().split('\n');
    // Sends run concurrently, so the file's order may differ from the sender's list: compare as sets of lines.
    expect(lines.map((l) => JSON.parse(l).body).sort()).toEqual(result.outbox.map((s) => s.body).sort());
  });

  it('logs each step: forecast, activation, booking, dispatch and replies', () => {
    const actions = new Set(result.log.map((e) => e.action));
    for (const step of ['forecast.level-changed', 'activation.opened', 'team.booked', 'sms.sent', 'reply.ack', 'reply.done', 'reply.unknown-sender']) {
      expect(actions, step).toContain(step);
    }
  });

  it('moves tasks to acknowledged and done from the leaders\' replies', () => {
    const states = new Set(result.tasks.map((t) => t.state));
    expect(states).toContain('acknowledged');
    expect(states).toContain('done');
  });

  it('never writes a raw phone number into the response log', () => {
    const text = JSON.stringify(result.log);
    expect(text).not.toMatch(/\+861\d{10}/);
  });
});
