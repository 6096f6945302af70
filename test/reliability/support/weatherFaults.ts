import { startWeatherServer, type ReplayAnswer, type ReplayRoute, type WeatherServer } from '../../../local/weather/startWeatherServer.ts';
import { weatherBodies } from './weatherBodies.ts';

export const PROVIDERS = ['open-meteo', 'nws', 'met-norway'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** How a provider misbehaves: no answer, a server error, garbage that would mean a blizzard if believed, or a body that trickles in past the timeout. */
export const FAULTS = ['timeout', 'http-500', 'garbage: truncated blizzard', 'garbage: impossible blizzard', 'slow drip'] as const;
export type Fault = (typeof FAULTS)[number];
export type Mode = 'quiet' | 'blizzard' | Fault;

/** The words the failure's logged reason must contain, per fault. */
export const FAULT_REASON: Record<Fault, RegExp> = {
  timeout: /no answer within \d+ ms \(timeout\)/,
  'http-500': /HTTP 500 from/,
  'garbage: truncated blizzard': /not valid JSON/,
  'garbage: impossible blizzard': /credible|outside the credible/,
  'slow drip': /no answer within \d+ ms \(timeout\)/,
};

const PREFIX: Record<ProviderName, string[]> = { 'open-meteo': ['/v1/forecast'], nws: ['/points/', '/gridpoints/', '/alerts/active'], 'met-norway': ['/weatherapi/'] };

/** A blizzard body with one value no provider could mean (a blizzard a lax parser would believe). */
function impossible(provider: ProviderName, start: string): string {
  const b = weatherBodies(start, 4);
  if (provider === 'open-meteo') {
    const body = JSON.parse(b.openMeteo) as { hourly: { snowfall: number[] } };
    body.hourly.snowfall[3] = 9999;
    return JSON.stringify(body);
  }
  if (provider === 'nws') {
    const body = JSON.parse(b.nwsGrid) as { properties: { snowfallAmount: { values: { value: number }[] } } };
    body.properties.snowfallAmount.values[3]!.value = 99_999;
    return JSON.stringify(body);
  }
  const body = JSON.parse(b.metno) as { properties: { timeseries: { data: { next_1_hours: { details: { precipitation_amount: number } } } }[] } };
  body.properties.timeseries[3]!.data.next_1_hours.details.precipitation_amount = 9999;
  return JSON.stringify(body);
}

/** The body a provider's forecast request gets in a mode that answers (quiet or blizzard). */
function goodBody(provider: ProviderName, path: string, start: string, snow: number): string {
  const b = weatherBodies(start, snow);
  if (provider === 'open-meteo') return b.openMeteo;
  if (provider === 'met-norway') return b.metno;
  if (path.startsWith('/points/')) return b.nwsPoints;
  return path.startsWith('/alerts') ? b.nwsAlerts : b.nwsGrid;
}

export interface FaultyWeather extends WeatherServer {
  /** Sets how a provider answers from now on. */
  set(provider: ProviderName, mode: Mode): void;
  /** The clock's hour the bodies start at. */
  startAt(iso: string): void;
  /** Snow water per hour of the blizzard mode (default 4 mm: level I; 2 mm: level II). */
  blizzardMm(mmPerHour: number): void;
}

/**
 * The local weather replay server (local/weather/startWeatherServer.ts) with one route per provider,
 * each answering in its real format or misbehaving as told. Blizzard: 4 mm of snow water an hour (level I) unless set.
 */
export async function startFaultyWeather(options: { start: string; dripEveryMs: number }): Promise<FaultyWeather> {
  const modes = new Map<ProviderName, Mode>(PROVIDERS.map((p) => [p, 'quiet']));
  let start = options.start;
  let snow = 4;
  const route = (provider: ProviderName): ReplayRoute => (_req, url) => {
    if (!PREFIX[provider].some((p) => url.pathname.startsWith(p))) return undefined;
    const mode = modes.get(provider)!;
    const blizzard = goodBody(provider, url.pathname, start, snow);
    const answers: Record<Mode, ReplayAnswer> = {
      quiet: { status: 200, body: goodBody(provider, url.pathname, start, 0) },
      blizzard: { status: 200, body: blizzard },
      timeout: { status: 0, body: '', hang: true },
      'http-500': { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' },
      'garbage: truncated blizzard': { status: 200, body: blizzard.slice(0, Math.floor(blizzard.length / 2)) },
      'garbage: impossible blizzard': { status: 200, body: url.pathname.startsWith('/points/') ? goodBody(provider, url.pathname, start, 0) : impossible(provider, start) },
      'slow drip': { status: 200, body: blizzard, drip: { bytes: 16, everyMs: options.dripEveryMs } },
    };
    // NWS's point lookup is cached by the client after its first answer; the grid is what fails.
    return answers[mode];
  };
  const server = await startWeatherServer(PROVIDERS.map(route));
  return { ...server, set: (provider, mode) => modes.set(provider, mode), startAt: (iso) => { start = iso; }, blizzardMm: (mm) => { snow = mm; } };
}
