import { t } from './i18n.ts';

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** The parts of a moment in the city's zone, two digits each (four for the year), whatever the browser's locale. */
function partsIn(iso: string | number, timeZone: string): Record<Part, string> {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: Part) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/**
 * A time in the city's zone, HH:MM:SS, or with the date first as year-month-day (2026-12-14 19:05:00): the
 * order of GB/T 7408 (ISO 8601) that Chinese official documents use, and unambiguous in English too, where
 * the browser's own locale would print 14/12/2026 or 12/14/2026.
 */
export function clock(iso: string | number, timeZone: string, withDate = false): string {
  const p = partsIn(iso, timeZone);
  const time = `${p.hour}:${p.minute}:${p.second}`;
  return withDate ? `${p.year}-${p.month}-${p.day} ${time}` : time;
}

/** Month-day and hour:minute in the city's zone (12-14 17:00): for marks within the next two days. */
export function dayTime(iso: string | number, timeZone: string): string {
  const p = partsIn(iso, timeZone);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A wall time typed in the city's zone ("2026-12-14 19:05", seconds optional, "T" allowed) as UTC ISO; undefined when it is not one. */
export function fromCityTime(text: string, timeZone: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset at that moment, found by reading the guess back in the zone (twice: across a DST change the first guess can be an hour off).
  let at = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(at, timeZone);
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    at += asUtc - shown;
  }
  const back = partsIn(at, timeZone);
  if (Number(back.day) !== d || Number(back.month) !== mo || Number(back.hour) !== h) return undefined;
  return new Date(at).toISOString();
}

/** "2 h 05 min" (2 小时 05 分) from milliseconds. */
export function duration(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  const h = t('hourUnit');
  const min = t('minuteUnit');
  return m >= 60 ? `${Math.floor(m / 60)} ${h} ${String(m % 60).padStart(2, '0')} ${min}` : `${m} ${min}`;
}

/** A fresh key per intended action: a double click reuses it, a new action gets a new one. */
export function newKey(): string {
  return crypto.randomUUID();
}

/** How long a wave's SMS take, said to the nearest minute ("about 4 min"; seconds under a minute and a half). */
export function smsTime(seconds: number): string {
  return seconds < 90 ? `${Math.max(1, Math.ceil(seconds))} ${t('secondUnit')}` : duration(Math.round(seconds / 60) * 60_000);
}
