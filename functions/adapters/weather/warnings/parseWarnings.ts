import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import type { OfficialWarning } from '../../../core/forecast/OfficialWarning.ts';
import { normaliseNwsAlerts } from '../nws/normaliseNwsAlerts.ts';
import { capToWarnings } from './cap/capToWarnings.ts';
import { readCapXml } from './cap/readCapXml.ts';
import { isCmaWarnings, normaliseCmaWarnings } from './normaliseCmaWarnings.ts';
import { normaliseQWeatherWarnings } from './normaliseQWeatherWarnings.ts';

/** The warning formats snowops reads, as recognised from a document's content. */
export type WarningsFormat = 'cap-xml' | 'cap-atom' | 'meteoalarm-json' | 'nws-alerts' | 'qweather' | 'cma-json';

/** Reads a parsed JSON warnings document of any feed snowops knows, recognised by its keys. */
export function parseWarnings(body: unknown): OfficialWarning[] {
  return parseWarningsJson(body).warnings;
}

function parseWarningsJson(body: unknown): { format: WarningsFormat; warnings: OfficialWarning[] } {
  if (body && typeof body === 'object') {
    if ('features' in body) return { format: 'nws-alerts', warnings: normaliseNwsAlerts(body) };
    if ('warnings' in body && Array.isArray(body.warnings)) {
      return { format: 'meteoalarm-json', warnings: capToWarnings(body.warnings.map((w: { alert?: unknown }) => w?.alert ?? w), 'warnings') };
    }
    if ('warning' in body || ('alerts' in body && 'metadata' in body)) return { format: 'qweather', warnings: normaliseQWeatherWarnings(body) };
    if (isCmaWarnings(body)) return { format: 'cma-json', warnings: normaliseCmaWarnings(body) };
    if ('identifier' in body && 'info' in body) return { format: 'meteoalarm-json', warnings: capToWarnings([body]) };
  }
  throw new ForecastValidationError('warnings', 'body', 'not a warnings document snowops knows: CAP XML (alert, alerts, Atom feed), MeteoAlarm JSON (warnings), NWS alerts (features), QWeather (warning / alerts), 12379 or weather.cma.cn JSON');
}

/**
 * Reads a warnings document as text, recognising the format by content: XML is CAP (an alert, a
 * collection or an Atom feed); JSON is MeteoAlarm, NWS alerts, QWeather, 12379 or weather.cma.cn.
 */
export function parseWarningsText(text: string): { format: WarningsFormat; warnings: OfficialWarning[] } {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') throw new ForecastValidationError('warnings', 'body', 'empty document');
  if (body.startsWith('<')) {
    const { kind, alerts } = readCapXml(body);
    return { format: kind === 'atom' ? 'cap-atom' : 'cap-xml', warnings: capToWarnings(alerts) };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ForecastValidationError('warnings', 'body', `neither XML nor valid JSON: ${(error as Error).message}`);
  }
  return parseWarningsJson(json);
}
