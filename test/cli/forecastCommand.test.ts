import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, METNO, NWS_ALERTS, NWS_GRID, QWEATHER_V7 } from '../support/weather/fixtures.ts';
import { snowops as snowopsChild, snowopsInProcess } from '../support/snowopsCli.ts';

/** Runs `snowops forecast …` through the CLI's own entry, in this process (test/support/snowopsCli.ts). */
const snowops = (...args: string[]) => snowopsInProcess(['forecast', ...args]);
/** Runs `node local/cli/bin.mjs forecast …` as a script would: a child process. */
const snowopsProcess = (...args: string[]) => snowopsChild(['forecast', ...args]);

const STORM = 'local/storms/jiaozuo-2026-12-blizzard.openmeteo.json';

const tmpFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'snowops-cli-')), name);
  writeFileSync(file, text);
  return file;
};

describe('npx snowops forecast (the contract scripts rely on)', () => {
  it('prints one JSON object with level, watch and evidence for a saved Open-Meteo response', async () => {
    const run = await snowopsProcess('--provider', 'open-meteo', '--file', STORM, '--json');

    const out = JSON.parse(run.stdout) as { level: string; watch: boolean; evidence: { rule: string; level: string }[] };
    expect(run.code).toBe(0);
    expect({ level: out.level, watch: out.watch, rules: out.evidence.map((e) => `${e.rule}:${e.level}`) }).toEqual({ level: 'II', watch: false, rules: ['blizzard-6h:II', 'blizzard-12h:III', 'blizzard-12h:IV'] });
  });

  it('reports a watch when the storm begins beyond the plan\'s lead time (--now earlier)', async () => {
    const out = JSON.parse((await snowops('--provider', 'open-meteo', '--file', STORM, '--now', '2026-12-13T18:00:00Z', '--json')).stdout) as { level: string; dueLevel: string; watch: boolean };

    expect({ level: out.level, dueLevel: out.dueLevel, watch: out.watch }).toEqual({ level: 'II', dueLevel: 'III', watch: true });
  });

  it('reads NWS gridpoints with an alerts file and maps the warnings in force', async () => {
    const run = await snowops('--provider', 'nws', '--file', fixturePath(NWS_GRID), '--alerts-file', fixturePath(NWS_ALERTS), '--now', '2025-12-15T22:00:00Z', '--json');

    const out = JSON.parse(run.stdout) as { level: string; watch: boolean; evidence: { rule: string }[] };
    expect({ level: out.level, watch: out.watch, first: out.evidence[0]?.rule }).toEqual({ level: 'II', watch: false, first: 'warning:nws:Lake Effect Snow Warning' });
  });

  it('recognises an alerts file by content (a 12379 record) and leaves out a warning for another city', async () => {
    const out = JSON.parse((await snowops('--provider', 'open-meteo', '--file', STORM, '--alerts-file', 'test/fixtures/warnings/cn12379_json_tianjin_road_icing_yellow_2018-01-21.json', '--json')).stdout) as { level: string; warnings: unknown[] };

    expect({ level: out.level, warnings: out.warnings }).toEqual({ level: 'II', warnings: [] });
  });

  it('reads a MET Norway capture (summer in Beijing: nothing fires)', async () => {
    const out = JSON.parse((await snowops('--provider', 'met-norway', '--file', fixturePath(METNO), '--json')).stdout) as { level: string; watch: boolean; evidence: unknown[] };

    expect({ level: out.level, watch: out.watch, evidence: out.evidence }).toEqual({ level: 'none', watch: false, evidence: [] });
  });

  it('ignores a QWeather wind warning the plan does not map', async () => {
    const out = JSON.parse((await snowops('--provider', 'open-meteo', '--file', STORM, '--alerts-file', fixturePath(QWEATHER_V7), '--json')).stdout) as { warnings: { event: string; colour: string }[]; evidence: { rule: string }[] };

    expect({ warnings: out.warnings.map((w) => `${w.event}/${w.colour}`), fromWarnings: out.evidence.filter((e) => e.rule.startsWith('warning:')) }).toEqual({ warnings: ['大风/blue'], fromWarnings: [] });
  });

  it('prints the hours in the zone\'s local time, the level and the evidence without --json', async () => {
    const run = await snowops('--provider', 'open-meteo', '--file', STORM, '--zone', 'macun', '--now', '2026-12-13T18:00:00Z');

    expect(run.stdout).toContain('zone macun (马村区)');
    expect(run.stdout).toContain('2026-12-14 14:00'); // 06:00Z in Asia/Shanghai
    expect(run.stdout).toMatch(/Level II \(WATCH/);
  });

  it.each([
    { name: 'a missing file', file: () => '/nonexistent/forecast.json', message: /^snowops: \/nonexistent\/forecast\.json: cannot read open-meteo response: ENOENT\n$/ },
    { name: 'truncated JSON', file: () => tmpFile('t.json', '{"latitude": 35.2, "hourly": {"time": ["2026'), message: /: open-meteo response is not valid JSON: / },
    { name: 'valid JSON of the wrong shape', file: () => tmpFile('w.json', '{"hello": "world"}'), message: /: invalid open-meteo data at latitude: / },
    { name: 'an empty file', file: () => tmpFile('e.json', ''), message: /: open-meteo response is empty\n$/ },
  ])('exits non-zero with one line on stderr and no stack trace for $name', async ({ file, message }) => {
    const run = await snowops('--provider', 'open-meteo', '--file', file(), '--json');

    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown provider as a usage error', async () => {
    const run = await snowops('--provider', 'accuweather', '--file', STORM, '--json');

    expect({ code: run.code, stderr: run.stderr.trim() }).toEqual({ code: 2, stderr: 'snowops: --provider must be one of open-meteo, nws, met-norway; got "accuweather"' });
  });
});
