import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snowops as snowopsChild, snowopsInProcess } from '../support/snowopsCli.ts';

/** Runs `snowops replay …` through the CLI's own entry, in this process (test/support/snowopsCli.ts). */
const snowops = (...args: string[]) => snowopsInProcess(['replay', ...args]);
/** Runs `node local/cli/bin.mjs replay …` as a script would: a child process. */
const snowopsProcess = (...args: string[]) => snowopsChild(['replay', ...args]);

// The recorded Jiaozuo storm: local/storms/jiaozuo-2026-12/README.md says what each file is.
const STORM_DIR = 'local/storms/jiaozuo-2026-12';

interface Step { at: string; kind: string; from: string; to: string; evidence: string[] }

describe('npx snowops replay DIR', () => {
  it('prints the Jiaozuo storm\'s level timeline: watch, activation on the blue warning, upgrades, downgrade, stand-down', async () => {
    const run = await snowopsProcess(STORM_DIR, '--json');

    const out = JSON.parse(run.stdout) as { steps: Step[]; firstWarningAt: string; activationAt: string; minutesFromFirstWarningToActivation: number };
    expect(run.code).toBe(0);
    expect(out.steps.map((s) => `${s.at.slice(0, 16)} ${s.kind} ${s.from}→${s.to}`)).toEqual([
      '2026-12-13T16:00 watch none→II',
      '2026-12-13T17:30 activation none→IV',
      '2026-12-13T18:00 upgrade IV→III',
      '2026-12-13T21:00 upgrade III→II',
      '2026-12-15T01:30 downgrade-proposed II→III',
      '2026-12-15T03:00 stand-down-proposed III→none',
    ]);
    expect({ first: out.firstWarningAt, activation: out.activationAt, minutes: out.minutesFromFirstWarningToActivation }).toEqual({ first: '2026-12-13T17:20:00.000Z', activation: '2026-12-13T17:30:00.000Z', minutes: 10 });
  });

  it('gives the evidence at each step, with the zones it holds for', async () => {
    const out = JSON.parse((await snowops(STORM_DIR, '--json')).stdout) as { steps: Step[] };

    expect(out.steps[1]!.evidence).toEqual(['jiefang, shanyang, zhongzhan, macun: IV cma 暴雪蓝色预警 (blue): 焦作市气象台发布暴雪蓝色预警/IV/一般']);
  });

  it('prints the timeline as a table in the city\'s time without --json, every kind of step named', async () => {
    const run = await snowops(STORM_DIR);

    const kinds = [...run.stdout.matchAll(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}(\S+(?: \S+)?)\s{2,}/gm)].map((m) => m[1]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(kinds).toEqual(['watch', 'activation', 'upgrade', 'upgrade', 'downgrade proposed', 'stand-down proposed']);
  });

  it('refuses a storm directory with a broken file in one line, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snowops-replay-'));
    copyFileSync(`${STORM_DIR}/2026-12-13T16-00Z_forecast.openmeteo.json`, join(dir, '2026-12-13T16-00Z_forecast.openmeteo.json'));
    writeFileSync(join(dir, '2026-12-13T17-00Z_warning.json'), '{"features": 3}');

    const run = await snowops(dir);

    expect({ code: run.code, lines: run.stderr.trim().split('\n').length, text: run.stderr }).toMatchObject({ code: 1, lines: 1, text: expect.stringContaining('2026-12-13T17-00Z_warning.json: invalid nws data at alerts.features') });
  });
});
