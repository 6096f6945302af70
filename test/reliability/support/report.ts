/** One line per attack with its counts, so a run shows what was tried and how often (vitest prints it with the test). */
export function report(promise: string, counts: Record<string, unknown>): void {
  console.log(`[reliability] ${promise}: ${Object.entries(counts).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ')}`);
}
