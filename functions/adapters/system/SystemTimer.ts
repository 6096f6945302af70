/** Real, monotonic time for pacing and backoff (the domain clock may be simulated). */
export const systemTimer = {
  now: (): number => performance.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};
