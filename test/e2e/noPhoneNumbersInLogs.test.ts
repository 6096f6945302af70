import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { observeDeps } from '../../functions/adapters/observability/observeDeps.ts';
import { Telemetry } from '../../functions/adapters/observability/Telemetry.ts';
import { runStorm, type StormResult } from '../../local/demo/runStorm.ts';
import { captureOutput, jsonLines } from '../support/captureOutput.ts';

const STORM = fileURLToPath(new URL('../../local/storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));
const CITY = fileURLToPath(new URL('../../local/demo-city/jiaozuo.json', import.meta.url));

describe('the local storm with the handlers\' telemetry: no phone number in any output (DynamoDB Local, weather replay, outbox)', () => {
  let seededPhones: string[];
  let lines: string[];
  let result: StormResult;

  beforeAll(async () => {
    // Every phone in the demo city: leaders, backups, the duty officer.
    seededPhones = [...new Set((await readFile(CITY, 'utf8')).match(/\+[1-9]\d{6,14}/g) ?? [])];
    const outboxFile = join(await mkdtemp(join(tmpdir(), 'snowops-mask-')), 'outbox.jsonl');
    const telemetry = new Telemetry('storm', 'snowops-e2e');
    ({ result, lines } = await captureOutput(async () => {
      const storm = await runStorm({
        forecastFile: STORM, outboxFile, polls: 3, dynamoEndpoint: inject('dynamoEndpoint'),
        // What `npm start` prints, and the ports observed as a Lambda handler observes them.
        say: (line) => process.stdout.write(`${line}\n`),
        instrument: (deps) => observeDeps(deps, telemetry),
      });
      // As a handler logs what core returned, including, by mistake, whole records that hold phone numbers.
      telemetry.logger.info('storm finished', { outbox: storm.outbox, replies: storm.replies, activation: storm.activation });
      telemetry.logger.warn('a reply the system could not use', { from: storm.replies[0]?.from, error: new Error(`no crew for ${storm.replies[0]?.from}`) });
      telemetry.metrics.publishStoredMetrics();
      return storm;
    }));
  });

  it('ran a real storm: activated, sent taskings and took replies', () => {
    expect(result.activation).toBeDefined();
    expect(result.outbox.length).toBeGreaterThan(5);
    expect(result.replies.length).toBeGreaterThan(5);
  });

  it('captured the terminal output, the Powertools log lines and the EMF metric lines', () => {
    const entries = jsonLines(lines);

    expect(lines.some((l) => l.includes('SMS to +86 '))).toBe(true);
    expect(entries.filter((e) => e.message === 'sms sent')).toHaveLength(result.outbox.length);
    expect(entries.some((e) => e._aws?.CloudWatchMetrics)).toBe(true);
  });

  it('no seeded phone number appears anywhere in it, in E.164 or as the bare national number', () => {
    const text = lines.join('\n');
    const leaked = seededPhones.filter((phone) => text.includes(phone) || text.includes(phone.replace(/^\+86/, '')));

    expect(seededPhones.length).toBeGreaterThan(20);
    expect(leaked).toEqual([]);
  });

  it('the numbers that were logged are there in masked form', () => {
    const text = lines.join('\n');

    for (const sms of result.outbox) expect(text).toContain(`+86 ${sms.to.slice(3, 6)}****${sms.to.slice(-4)}`);
  });
});
