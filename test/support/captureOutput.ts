/**
 * Everything written to stdout and stderr while `run` runs (Powertools writes through its own Console
 * on these streams), kept from the terminal. Returns what `run` returned and the text, line by line.
 */
export async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const chunks: string[] = [];
  const original = { out: process.stdout.write, err: process.stderr.write };
  const capture = (chunk: unknown, ...rest: unknown[]): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    const result = await run();
    return { result, lines: chunks.join('').split('\n').filter((line) => line.length > 0) };
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
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
