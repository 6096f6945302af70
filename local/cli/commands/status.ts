import type { Command } from 'commander';
import type { CityStatus } from '../../../functions/core/status/CityStatus.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table, when } from '../output.ts';
import { withProgress } from '../progress.ts';

/** `snowops status`: the forecast level per zone, the open activation and its tasks by state. */
export function register(program: Command): void {
  withApiOptions(program.command('status').description('the city now: forecast level per zone, open activation, tasks by state'))
    .action(async (opts: ApiOptions) => {
      const { body: s } = await withProgress('reading status', clientFrom(opts).request<CityStatus>('GET', '/status'));
      if (opts.json) return printJson(s);
      print(`${s.city} · ${when(s.at, s.timeZone)} (${s.timeZone}) · forecast level ${s.forecastLevel}`);
      const a = s.openActivation;
      print(a ? `Open activation ${a.id}: level ${a.level} since ${when(a.openedAt, s.timeZone)} by ${a.openedBy} (${a.reason})` : 'No activation is open.');
      print(table(['zone', 'name', 'forecast', 'activation', 'last poll', 'last error'], s.zones.map((z) => [z.zoneId, z.name, z.forecastLevel, z.activationLevel ?? '—', when(z.lastPollAt, s.timeZone), z.lastError ?? ''])));
      if (a) print(`Tasks: ${Object.entries(s.taskCounts).filter(([, n]) => n > 0).map(([state, n]) => `${state} ${n}`).join(', ') || 'none'}`);
    });
}
