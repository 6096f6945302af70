import { readFile } from 'node:fs/promises';
import { normaliseMetno } from '../../../functions/adapters/weather/metno/normaliseMetno.ts';
import { normaliseNwsGrid } from '../../../functions/adapters/weather/nws/normaliseNwsGrid.ts';
import { normaliseOpenMeteo } from '../../../functions/adapters/weather/normaliseOpenMeteo.ts';
import { parseWarningsText, type WarningsFormat } from '../../../functions/adapters/weather/warnings/parseWarnings.ts';
import { ForecastValidationError } from '../../../functions/core/errors/ForecastValidationError.ts';
import type { HourlyForecast } from '../../../functions/core/forecast/HourlyForecast.ts';
import type { OfficialWarning } from '../../../functions/core/forecast/OfficialWarning.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';
import { CliError } from '../CliError.ts';

export const FILE_PROVIDERS = ['open-meteo', 'nws', 'met-norway'] as const;
export type FileProvider = (typeof FILE_PROVIDERS)[number];

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (text.trim().length === 0) throw new CliError(`${file}: ${what} is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function invalid(file: string, error: unknown): never {
  if (error instanceof ForecastValidationError) throw new CliError(`${file}: invalid ${error.provider} data at ${error.where}: ${error.reason}`);
  throw error;
}

/**
 * A saved provider response, normalised as the poller would normalise it when fetched at `fetchedAt`.
 * MET Norway files may be the API body or a capture wrapping it as {status_code, headers, data}.
 */
export async function readForecastFile(provider: FileProvider, file: string, zone: Zone, fetchedAt: () => string): Promise<HourlyForecast> {
  const body = await readJson(file, `${provider} response`);
  try {
    if (provider === 'open-meteo') return normaliseOpenMeteo(body, fetchedAt());
    if (provider === 'nws') return normaliseNwsGrid(body, { latitude: zone.latitude, longitude: zone.longitude }, fetchedAt());
    const unwrapped = body && typeof body === 'object' && 'data' in body && 'status_code' in body ? (body as { data: unknown }).data : body;
    return normaliseMetno(unwrapped, fetchedAt());
  } catch (error) {
    invalid(file, error);
  }
}

/**
 * A saved warnings document in any format snowops reads, recognised by its content: CAP XML (an alert,
 * a collection, an Atom feed), MeteoAlarm JSON, NWS alerts, QWeather, 12379 or weather.cma.cn JSON.
 */
export async function readWarningsFile(file: string): Promise<{ format: WarningsFormat; warnings: OfficialWarning[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read warnings: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseWarningsText(text);
  } catch (error) {
    if (error instanceof ForecastValidationError) throw new CliError(`${file}: invalid ${error.provider === 'warnings' ? 'warnings document' : `${error.provider} warnings`} at ${error.where}: ${error.reason}`);
    throw error;
  }
}
