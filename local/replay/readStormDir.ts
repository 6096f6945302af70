import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normaliseMetno } from '../../functions/adapters/weather/metno/normaliseMetno.ts';
import { normaliseNwsGrid } from '../../functions/adapters/weather/nws/normaliseNwsGrid.ts';
import { normaliseOpenMeteo } from '../../functions/adapters/weather/normaliseOpenMeteo.ts';
import { parseWarningsText } from '../../functions/adapters/weather/warnings/parseWarnings.ts';
import { ForecastValidationError } from '../../functions/core/errors/ForecastValidationError.ts';
import type { HourlyForecast } from '../../functions/core/forecast/HourlyForecast.ts';
import type { OfficialWarning } from '../../functions/core/forecast/OfficialWarning.ts';
import { CliError } from '../cli/CliError.ts';

/** One recorded message of a storm: a forecast as fetched, or warnings as received, at `at`. */
export type StormFile =
  | { at: string; file: string; kind: 'forecast'; forecast: HourlyForecast }
  | { at: string; file: string; kind: 'warnings'; format: string; warnings: OfficialWarning[] };

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-?(\d{2})Z[_.-]/;

/** A forecast body recognised by content: Open-Meteo (hourly_units), NWS raw gridpoints, MET Norway (timeseries). */
function forecastOf(body: unknown, at: string, point: { latitude: number; longitude: number }): HourlyForecast | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown> & { properties?: Record<string, unknown> };
  if ('hourly_units' in b) return normaliseOpenMeteo(b, at);
  if (b.properties && ('quantitativePrecipitation' in b.properties || 'snowfallAmount' in b.properties)) return normaliseNwsGrid(b, point, at);
  const data = 'status_code' in b && 'data' in b ? b.data : b;
  if (data && typeof data === 'object' && (data as { properties?: { timeseries?: unknown } }).properties?.timeseries) return normaliseMetno(data, at);
  return undefined;
}

/**
 * Reads a storm directory: every file named `YYYY-MM-DDTHH-mmZ_….json|xml` (the UTC time it arrived), its
 * format recognised by content (a forecast of Open-Meteo, NWS or MET Norway, or a warnings document of any
 * format snowops reads). Other files (a README) are skipped; a file that cannot be read is one clear line.
 */
export async function readStormDir(dir: string, point: { latitude: number; longitude: number }): Promise<StormFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new CliError(`${dir}: cannot read the storm directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const files: StormFile[] = [];
  for (const name of names.sort()) {
    const m = STAMP.exec(name);
    if (!m || !/\.(json|xml)$/i.test(name)) continue;
    const at = new Date(`${m[1]}T${m[2]}:${m[3]}:00Z`).toISOString();
    const file = join(dir, name);
    const text = await readFile(file, 'utf8');
    try {
      const json = text.trimStart().startsWith('<') ? undefined : (JSON.parse(text) as unknown);
      const forecast = json === undefined ? undefined : forecastOf(json, at, point);
      if (forecast) files.push({ at, file: name, kind: 'forecast', forecast });
      else {
        const { format, warnings } = parseWarningsText(text);
        files.push({ at, file: name, kind: 'warnings', format, warnings });
      }
    } catch (error) {
      if (error instanceof ForecastValidationError) throw new CliError(`${file}: invalid ${error.provider} data at ${error.where}: ${error.reason}`);
      if (error instanceof SyntaxError) throw new CliError(`${file}: not valid JSON: ${error.message}`);
      throw error;
    }
  }
  if (!files.some((f) => f.kind === 'forecast') && !files.some((f) => f.kind === 'warnings')) throw new CliError(`${dir}: no recorded forecasts or warnings (files named YYYY-MM-DDTHH-mmZ_….json or .xml)`);
  return files;
}
