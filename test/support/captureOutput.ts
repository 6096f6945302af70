/** What was written to each stream while `run` ran, and both together in the order written. */
export interface CapturedStreams<T> { result: T; stdout: string; stderr: string; both: string }

/**
 * Everything written to stdout and stderr while `run` runs (Powertools writes through its own Console
 * on these streams), kept from the terminal, each stream apart.
 */
export async function captureStreams<T>(run: () => Promise<T>): Promise<CapturedStreams<T>> {
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const original = { out: process.stdout.write, err: process.stderr.write };
  const capture = (stream: 'stdout' | 'stderr') => (chunk: unknown, ...rest: unknown[]): boolean => {
    chunks.push({ stream, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8') });
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  process.stdout.write = capture('stdout') as typeof process.stdout.write;
  process.stderr.write = capture('stderr') as typeof process.stderr.write;
  try {
    const result = await run();
    const of = (stream: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
    return { result, stdout: of('stdout'), stderr: of('stderr'), both: chunks.map((c) => c.text).join('') };
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
}

/** Everything written to stdout and stderr while `run` runs, line by line, with what `run` returned. */
export async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const { result, both } = await captureStreams(run);
  return { result, lines: both.split('\n').filter((line) => line.length > 0) };
}

/** The JSON lines among captured output (Powertools log lines and EMF metric lines). */
export function jsonLines(lines: readonly string[]): Record<string, any>[] {
  return lines.flatMap((line) => {
    try {
      const value: unknown = JSON.parse(line);
      return value !== null && typeof value === 'object' ? [value as Record<string, any>] : [];
    } catch {
      return [];
    }
  });
}

/** Sum of one EMF metric over captured lines, optionally only where a dimension has a value. */
export function emfSum(lines: readonly string[], metric: string, dimension?: { name: string; value: string }): number {
  return jsonLines(lines)
    .filter((line) => line._aws?.CloudWatchMetrics?.[0]?.Metrics?.some((m: { Name: string }) => m.Name === metric))
    .filter((line) => !dimension || line[dimension.name] === dimension.value)
    .reduce((sum, line) => sum + [line[metric]].flat().reduce((a: number, b: number) => a + b, 0), 0);
}
