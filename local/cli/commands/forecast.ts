import type { Command } from 'commander';
import type { ZoneForecast } from '../../../functions/core/status/CityStatus.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table } from '../output.ts';
import { withProgress } from '../progress.ts';

/** `snowops forecast [zone]`: each zone's level and the evidence behind it. */
export function register(program: Command): void {
  withApiOptions(program.command('forecast').argument('[zone]', 'a zone id; all zones when left out').description('zone forecasts with their evidence'))
    .action(async (zone: string | undefined, opts: ApiOptions) => {
      const client = clientFrom(opts);
      const zones = zone
        ? [(await withProgress('reading forecast', client.request<ZoneForecast>('GET', `/forecast/${encodeURIComponent(zone)}`))).body]
        : (await withProgress('reading forecasts', client.request<{ zones: ZoneForecast[] }>('GET', '/forecast'))).body.zones;
      if (opts.json) return printJson(zone ? zones[0] : { zones });
      print(table(['zone', 'level', 'provider', 'age (min)', 'evidence', 'last error'], zones.map((z) => [
        `${z.zoneId} ${z.name}`, z.level, z.provider ?? '—', z.minutesSinceSuccess ?? '—',
        z.evidence.map((e) => `${e.level}: ${e.value} ${e.unit} in ${e.windowHours} h ≥ ${e.threshold}${e.gapHours ? ` (${e.gapHours} h missing)` : ''}`).join('\n') || '—',
        z.lastError ?? '',
      ])));
    });
}
