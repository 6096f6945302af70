import Table from 'cli-table3';
import type { ForecastHour, HourlyForecast } from '../../../functions/core/forecast/HourlyForecast.ts';
import { describeEvidence } from '../../../functions/core/triggers/describeEvidence.ts';
import type { ForecastAssessment } from '../../../functions/core/triggers/ForecastAssessment.ts';

const GAP = '—';

/** How each provider's snow figures were derived, printed under the table so no one has to guess. */
export const CONVERSIONS: Record<string, string> = {
  'open-meteo': 'snow water mm = snowfall cm × 10 / 7',
  nws: 'snow cm = snowfallAmount mm ÷ 10; snow water mm = cm × 10 / 7',
  'met-norway': 'snow water mm = precipitation × snow share of the symbol; snow cm = water × 7 / 10',
};

/** "2026-12-14 14:00" in a time zone. */
export function localDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

const cell = (v: number | null | undefined) => (v === null || v === undefined ? GAP : String(Math.round(v * 100) / 100));

const isWet = (h: ForecastHour) => (h.precipitationMm ?? 0) > 0 || (h.snowWaterMm ?? 0) > 0 || (h.iceMm ?? 0) > 0;

/** The level line and one line per piece of evidence. */
export function formatAssessment(assessment: ForecastAssessment, timeZone: string): string {
  const head = `Level ${assessment.level}${assessment.watch ? ` (WATCH: due now ${assessment.dueLevel}; ${assessment.watchLevel} begins beyond the lead time)` : ''}`;
  const lines = assessment.evidence.map((e) => `  ${e.watch ? '◌' : '●'} ${e.level.padEnd(3)} ${describeEvidence(e)}${e.startsAt ? ` [starts ${localDateTime(e.startsAt, timeZone)}]` : ''}`);
  return [head, ...(lines.length > 0 ? lines : ['  no rule fired'])].join('\n');
}

/**
 * The normalised hours in the zone's local time (— is a gap: the provider did not say), then the level
 * and the evidence. `onlyWet` keeps the hours with precipitation (the demo's first poll).
 */
export function formatForecastTable(forecast: HourlyForecast, assessment: ForecastAssessment, timeZone: string, options: { onlyWet?: boolean } = {}): string {
  const table = new Table({ head: [`local time (${timeZone})`, 'snow cm', 'snow water mm', 'precip mm', 'liquid mm', 'ice mm', 'temp °C', 'depth cm', 'gust m/s'], style: { head: [], border: [], compact: true } });
  const hours = options.onlyWet ? forecast.hours.filter(isWet) : forecast.hours;
  for (const h of hours) {
    table.push([localDateTime(h.time, timeZone), cell(h.snowfallCm), cell(h.snowWaterMm), cell(h.precipitationMm), cell(h.liquidMm), cell(h.iceMm), cell(h.temperatureC), cell(h.snowDepthCm), cell(h.windGustMs)]);
  }
  const omitted = forecast.hours.length - hours.length;
  const title = `Forecast from ${forecast.provider} (${forecast.hours.length} hours${omitted > 0 ? `, ${omitted} dry hours not shown` : ''}; ${CONVERSIONS[forecast.provider] ?? 'SI units'})`;
  return [title, table.toString(), formatAssessment(assessment, timeZone)].join('\n');
}
