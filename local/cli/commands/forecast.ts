import type { Command } from 'commander';
import { MetNorwayProvider } from '../../../functions/adapters/weather/metno/MetNorwayProvider.ts';
import { NwsProvider } from '../../../functions/adapters/weather/nws/NwsProvider.ts';
import { OpenMeteoProvider } from '../../../functions/adapters/weather/OpenMeteoProvider.ts';
import { pollerEnvSchema } from '../../../functions/config/lambdaEnv.ts';
import * as z from '../../../functions/config/zod.ts';
import type { HourlyForecast } from '../../../functions/core/forecast/HourlyForecast.ts';
import { fetchWithFallback } from '../../../functions/core/poll/fetchWithFallback.ts';
import type { ForecastProvider } from '../../../functions/core/ports/ForecastProvider.ts';
import { assessForecast } from '../../../functions/core/triggers/assessForecast.ts';
import { warningCoversZone } from '../../../functions/core/triggers/warningCoversZone.ts';
import type { ZoneForecast } from '../../../functions/core/status/CityStatus.ts';
import { loadCityFile } from '../../city/loadCityFile.ts';
import { clientFrom } from '../api/apiOptions.ts';
import { print, printJson, table } from '../output.ts';
import { withProgress } from '../progress.ts';
import { CliError } from '../CliError.ts';
import { formatForecastTable, localDateTime } from '../forecast/formatForecastTable.ts';
import { FILE_PROVIDERS, readForecastFile, readWarningsFile, type FileProvider } from '../forecast/readForecastFile.ts';

interface ForecastOptions {
  provider?: string;
  file?: string;
  alertsFile?: string;
  zone?: string;
  cityFile?: string;
  now?: string;
  json?: boolean;
  live?: boolean;
  api?: string;
  token?: string;
}

export function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/.test(text)) throw new CliError(`--now "${text}" is not a date-time with an offset, e.g. 2026-12-14T06:00:00Z`, 2);
  return new Date(ms);
}

/** The zone's providers, live (default public endpoints, or the poller's environment variables). */
function liveProviders(): ReadonlyMap<string, ForecastProvider> {
  const env = z.partial(pollerEnvSchema, { REGISTRY_TABLE: true, OPERATIONS_TABLE: true, LOG_TABLE: true }).parse(process.env);
  const clock = { now: () => new Date() };
  const http = { timeoutMs: env.WEATHER_TIMEOUT_MS, retries: env.WEATHER_RETRIES, retryBaseMs: env.WEATHER_RETRY_BASE_MS, maxRetryAfterMs: env.WEATHER_MAX_RETRY_AFTER_MS };
  const list: ForecastProvider[] = [
    new OpenMeteoProvider({ ...http, baseUrl: env.OPEN_METEO_BASE_URL, forecastDays: env.OPEN_METEO_FORECAST_DAYS }, clock),
    new NwsProvider({ ...http, baseUrl: env.NWS_BASE_URL, userAgent: env.WEATHER_USER_AGENT }, clock),
    new MetNorwayProvider({ ...http, baseUrl: env.MET_NORWAY_BASE_URL, userAgent: env.WEATHER_USER_AGENT }, clock),
  ];
  return new Map(list.map((p) => [p.name, p]));
}

/** What the poller last concluded per zone, read from the API (local runtime or deployed). */
async function fromApi(options: ForecastOptions): Promise<void> {
  const client = clientFrom({ api: options.api, token: options.token });
  const zones = options.zone
    ? [(await withProgress('reading forecast', client.request<ZoneForecast>('GET', `/forecast/${encodeURIComponent(options.zone)}`))).body]
    : (await withProgress('reading forecasts', client.request<{ zones: ZoneForecast[] }>('GET', '/forecast'))).body.zones;
  if (options.json) return printJson(options.zone ? zones[0] : { zones });
  print(table(['zone', 'level', 'provider', 'age (min)', 'evidence', 'last error'], zones.map((z) => [
    `${z.zoneId} ${z.name}`, z.level, z.provider ?? '—', z.minutesSinceSuccess ?? '—',
    z.evidence.map((e) => `${e.level}: ${e.value} ${e.unit} in ${e.windowHours} h ≥ ${e.threshold}${e.gapHours ? ` (${e.gapHours} h missing)` : ''}`).join('\n') || '—',
    z.lastError ?? '',
  ])));
}

async function run(options: ForecastOptions): Promise<void> {
  // Without a saved file or --live, the duty officer asks the running system what it concluded.
  if (options.file === undefined && !options.live && options.provider === undefined) return fromApi(options);
  if (options.provider !== undefined && !(FILE_PROVIDERS as readonly string[]).includes(options.provider)) {
    throw new CliError(`--provider must be one of ${FILE_PROVIDERS.join(', ')}; got "${options.provider}"`, 2);
  }
  if (options.file !== undefined && options.provider === undefined) throw new CliError('--file needs --provider to say whose format it is', 2);
  const city = await loadCityFile(options.cityFile).catch((error: Error) => { throw new CliError(error.message); });
  const zone = options.zone === undefined ? city.zones[0]! : city.zones.find((z) => z.id === options.zone);
  if (!zone) throw new CliError(`zone "${options.zone}" is not in ${city.plan.city}; zones: ${city.zones.map((z) => z.id).join(', ')}`, 2);
  const explicitNow = parseNow(options.now);

  let forecast: HourlyForecast;
  if (options.file !== undefined) {
    // A saved response is assessed as if it had just been fetched: at its first hour, unless --now says otherwise.
    let fetchedAt = explicitNow?.toISOString() ?? '';
    forecast = await readForecastFile(options.provider as FileProvider, options.file, zone, () => fetchedAt || new Date(0).toISOString());
    if (!explicitNow) {
      fetchedAt = forecast.hours[0]!.time;
      forecast = { ...forecast, fetchedAt };
    }
  } else {
    const providers = liveProviders();
    const zoneWithProvider = options.provider ? { ...zone, providers: [options.provider] } : zone;
    const { forecast: live, failures } = await fetchWithFallback(zoneWithProvider, providers);
    if (!live) throw new CliError(`no forecast for zone ${zone.id}: ${failures.map((f) => `${f.provider}: ${f.reason}`).join(' | ')}`, 3);
    forecast = live;
  }
  if (options.alertsFile !== undefined) {
    const read = (await readWarningsFile(options.alertsFile)).warnings.filter((w) => warningCoversZone(w, zone));
    forecast = { ...forecast, warnings: [...(forecast.warnings ?? []), ...read] };
  }
  const now = explicitNow ?? new Date(forecast.fetchedAt);
  const assessment = assessForecast(forecast, city.plan, now);
  const tz = city.plan.timeZone;

  if (options.json) {
    process.stdout.write(`${JSON.stringify({
      city: city.plan.city, zone: zone.id, provider: forecast.provider, timeZone: tz, now: now.toISOString(),
      level: assessment.level, dueLevel: assessment.dueLevel, watch: assessment.watch, watchLevel: assessment.watchLevel,
      leadTimeHours: city.plan.leadTimeHours, evidence: assessment.evidence, warnings: forecast.warnings ?? [],
      ...(forecast.warningsError ? { warningsError: forecast.warningsError } : {}),
      hours: forecast.hours.map((h) => ({ ...h, localTime: localDateTime(h.time, tz) })),
    })}\n`);
    return;
  }
  process.stdout.write(`${city.plan.city} · zone ${zone.id} (${zone.name}) · assessed at ${localDateTime(now.toISOString(), tz)}\n`);
  process.stdout.write(`${formatForecastTable(forecast, assessment, tz)}\n`);
}

/** `snowops forecast`: the normalised forecast of a zone, the level it implies, and why. */
export function register(program: Command): void {
  program
    .command('forecast')
    .description('Zone forecasts and evidence: as the poller last concluded (from the API, default), a saved provider response (--file), or fetched live (--live)')
    .option('--provider <name>', `provider whose format --file is in, or the one to ask live (${FILE_PROVIDERS.join(' | ')})`)
    .option('--file <file>', 'a saved provider response: Open-Meteo /v1/forecast, NWS /gridpoints raw, MET Norway locationforecast compact')
    .option('--alerts-file <file>', 'a saved warnings document, recognised by content: CAP XML (alert, collection, Atom), MeteoAlarm JSON, NWS alerts, QWeather, 12379 / weather.cma.cn JSON')
    .option('--zone <id>', 'zone of the city (default: the first)')
    .option('--city-file <file>', 'city file whose plan decides (default: the demo city)')
    .option('--now <iso>', 'assess as of this time (default: now live, or the saved forecast\'s first hour)')
    .option('--live', 'fetch the zone\'s providers now instead of asking the API')
    .option('--api <url>', 'API base URL (default $SNOWOPS_API or http://localhost:3000)')
    .option('--token <jwt>', 'bearer token (default $SNOWOPS_TOKEN)')
    .option('--json', 'one JSON object: level, watch, evidence, hours, …')
    .action(async (options: ForecastOptions) => run(options));
}
