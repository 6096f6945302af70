import type { Crew } from '../registry/Crew.ts';

export type Availability = { available: true; fromH: number; toH: number } | { available: false; reason: string };

const DAY_MIN = 24 * 60;

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one, and every crew asks. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return get('hour') * 60 + get('minute') + at.getUTCSeconds() / 60;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * When a crew can work in an activation starting at `startAt`, in hours after it: inside the
 * activation's horizon, inside the crew's daily shift window (local time), and no longer than its
 * rest rule leaves (max duty hours minus hours already worked).
 */
export function crewAvailability(crew: Crew, startAt: Date, horizonH: number, timeZone: string, maxDutyHours: number): Availability {
  const worked = crew.hoursWorked ?? 0;
  const restLeft = maxDutyHours - worked;
  if (restLeft <= 0) return { available: false, reason: `resting (${worked} h worked, ${maxDutyHours} h allowed)` };
  let fromMin = 0;
  let toMin = horizonH * 60;
  if (crew.shift) {
    const now = localMinutes(startAt, timeZone);
    const s = toMinutes(crew.shift.start);
    const e0 = toMinutes(crew.shift.end);
    const e = e0 > s ? e0 : e0 + DAY_MIN;
    // The first occurrence of the window (yesterday's, today's or tomorrow's) that has not ended.
    const occurrence = [-DAY_MIN, 0, DAY_MIN].map((k) => [s + k, e + k] as const).find(([, end]) => end > now)!;
    fromMin = Math.max(0, occurrence[0] - now);
    toMin = Math.min(toMin, occurrence[1] - now);
    if (fromMin >= horizonH * 60) return { available: false, reason: `off shift until ${crew.shift.start}` };
  }
  toMin = Math.min(toMin, fromMin + restLeft * 60);
  if (toMin - fromMin <= 0) return { available: false, reason: 'no working time left in the shift' };
  return { available: true, fromH: fromMin / 60, toH: toMin / 60 };
}
