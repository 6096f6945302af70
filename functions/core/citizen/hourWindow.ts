/** The clock hour `now` falls in (rate windows), and the seconds until the next one. */
export function hourWindow(now: Date): { start: string; secondsLeft: number } {
  const start = new Date(now);
  start.setUTCMinutes(0, 0, 0);
  return { start: start.toISOString(), secondsLeft: Math.ceil((start.getTime() + 3_600_000 - now.getTime()) / 1000) };
}
