const HOUR_MS = 3_600_000;
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
// A date-time with an explicit offset: a time without one is ambiguous and refused.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 duration in ms ("PT3H", "P1DT6H", "P4D"); undefined when it is not one. */
export function durationMs(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  return ((((w! * 7 + d!) * 24 + h!) * 60 + min!) * 60 + s!) * 1000;
}

function instant(text: string, now: number, what: string): number {
  if (text === 'NOW') return now;
  if (!DATE_TIME.test(text)) throw new Error(`${what} "${text}" is not a date-time with an offset`);
  return Date.parse(text);
}

/**
 * An ISO 8601 interval as the NWS writes it: "start/duration", "start/end" or "duration/end" (start or
 * end may be "NOW"). Returns the first hour and how many whole hours it covers; throws, naming the
 * problem, on anything else (times without offsets, intervals not on whole hours).
 */
export function parseIsoInterval(text: string, nowMs: number): { startMs: number; hours: number } {
  const [a, b, extra] = text.split('/');
  if (a === undefined || b === undefined || extra !== undefined) throw new Error(`"${text}" is not an ISO 8601 interval`);
  const aDur = a.startsWith('P') ? durationMs(a) : undefined;
  const bDur = b.startsWith('P') ? durationMs(b) : undefined;
  let start: number;
  let end: number;
  if (aDur !== undefined) {
    end = instant(b, nowMs, 'end');
    start = end - aDur;
  } else {
    start = instant(a, nowMs, 'start');
    if (b.startsWith('P') && bDur === undefined) throw new Error(`"${b}" is not an ISO 8601 duration`);
    end = bDur !== undefined ? start + bDur : instant(b, nowMs, 'end');
  }
  if (Number.isNaN(start) || Number.isNaN(end)) throw new Error(`"${text}" has an invalid date`);
  if (start % HOUR_MS !== 0 || end % HOUR_MS !== 0) throw new Error(`"${text}" does not start and end on whole hours`);
  if (end <= start) throw new Error(`"${text}" ends before it starts`);
  return { startMs: start, hours: (end - start) / HOUR_MS };
}
