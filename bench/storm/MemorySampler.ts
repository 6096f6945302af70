export interface MemoryPeak {
  /** Resident set size, MB: the most sampled, or the process's own high-water mark when the step set a new one. */
  rssMb: number;
  /** V8 heap in use, MB, the most sampled. */
  heapUsedMb: number;
  /** Heap in use when the step began, MB. */
  heapAtStartMb: number;
}

const MB = 1024 * 1024;

/**
 * Samples process.memoryUsage() every few milliseconds while a step runs. Synchronous work (the planner)
 * blocks the sampler, so the rss peak also takes process.resourceUsage().maxRSS: when a step raises the
 * process's high-water mark, that mark is the step's peak.
 */
export async function sampleMemory<T>(fn: () => Promise<T>, everyMs = 5): Promise<{ result: T; peak: MemoryPeak }> {
  const start = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let rss = start.rss;
  let heap = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > rss) rss = m.rss;
    if (m.heapUsed > heap) heap = m.heapUsed;
  };
  const timer = setInterval(sample, everyMs);
  try {
    const result = await fn();
    sample();
    const maxRssAfter = process.resourceUsage().maxRSS * 1024;
    if (maxRssAfter > maxRssBefore) rss = Math.max(rss, maxRssAfter);
    return { result, peak: { rssMb: rss / MB, heapUsedMb: heap / MB, heapAtStartMb: start.heapUsed / MB } };
  } finally {
    clearInterval(timer);
  }
}
