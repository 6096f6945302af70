import { t } from './i18n.ts';

/** A time in the city's zone, HH:MM:SS or with the date. */
export function clock(iso: string | number, timeZone: string, withDate = false): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}) }).format(new Date(iso));
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
