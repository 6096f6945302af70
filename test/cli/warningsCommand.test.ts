import { describe, expect, it } from 'vitest';
import { snowops as snowopsChild, snowopsInProcess } from '../support/snowopsCli.ts';

/** Runs `snowops warnings …` through the CLI's own entry, in this process (test/support/snowopsCli.ts). */
const snowops = (...args: string[]) => snowopsInProcess(['warnings', ...args]);
/** Runs `node local/cli/bin.mjs warnings …` as a script would: a child process. */
const snowopsProcess = (...args: string[]) => snowopsChild(['warnings', ...args]);

// Real documents: test/fixtures/warnings/README.md says where each came from.
const W = 'test/fixtures/warnings/';

describe('npx snowops warnings FILE', () => {
  it('prints the level a CAP document alone implies, with its evidence and the areas it covers', async () => {
    const run = await snowopsProcess(`${W}nws_cap11_blizzard_warning_DLH_2021-12-27.xml`, '--now', '2021-12-27T17:00:00Z', '--json');

    const out = JSON.parse(run.stdout) as { format: string; level: string; areas: string[]; evidence: { rule: string; level: string }[] };
    expect(run.code).toBe(0);
    expect({ format: out.format, level: out.level, areas: out.areas, rule: out.evidence[0]?.rule }).toEqual({ format: 'cap-xml', level: 'I', areas: ['Southern Cook, North Shore; Southern Lake, North Shore'], rule: 'warning:noaa.gov:Blizzard Warning' });
  });

  it('honours --now: the same advisory after it expires implies nothing', async () => {
    const out = JSON.parse((await snowops(`${W}nws_cap11_winter_weather_advisory_AJK_2017-03-03.xml`, '--now', '2017-03-03T19:00:00Z', '--json')).stdout) as { level: string };

    expect(out.level).toBe('none');
  });

  it('with --zone, counts only warnings covering the zone (Tianjin\'s signal says nothing for Jiaozuo)', async () => {
    const out = JSON.parse((await snowops(`${W}cn12379_json_tianjin_road_icing_yellow_2018-01-21.json`, '--now', '2018-01-21T15:00:00Z', '--zone', 'jiefang', '--json')).stdout) as { level: string; read: number };

    expect(out).toMatchObject({ level: 'none', read: 1 });
  });

  it('says in one line what is wrong with a file that is no warnings document, and exits 1', async () => {
    const run = await snowops('package.json');

    expect({ code: run.code, stderr: run.stderr.trim().split('\n') }).toEqual({ code: 1, stderr: [expect.stringMatching(/^snowops: package\.json: invalid warnings document at body: not a warnings document snowops knows/)] });
  });
});
