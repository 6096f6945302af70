/**
 * bench:bundles: every Lambda of the stack bundled as the stack bundles it, its size, and the median
 * time to import it in a fresh Node process, as a ratio to a bundle of an empty handler (the floor).
 * Targets (issue #7): each under 300 KB minified, import within 3x the floor.
 * Ends with the contract line `bundles max_kb=<x> worst_import_ratio=<y>`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { handlerEntry } from '../lib/bundling/bundlingOptions.ts';
import { loadDeployConfig } from '../lib/config/loadDeployConfig.ts';
import { SnowopsFunction } from '../lib/SnowopsFunction.ts';
import { SnowopsStack } from '../lib/SnowopsStack.ts';
import { buildLikeTheStack } from './bundles/buildLikeTheStack.ts';
import { median, timeImport, type ImportTiming } from './bundles/timeImport.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const EMPTY_HANDLER = fileURLToPath(new URL('./bundles/emptyHandler.ts', import.meta.url));

/** The handler files of every SnowopsFunction in the prod stack (which has every Lambda dev has), read from the stack itself. */
function stackHandlers(): string[] {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new SnowopsStack(app, 'snowops-bench', { config: loadDeployConfig('prod') });
  return [...new Set(stack.node.findAll().filter((c): c is SnowopsFunction => c instanceof SnowopsFunction).map((fn) => fn.handlerFile))].sort();
}

const work = mkdtempSync(join(tmpdir(), 'snowops-bench-bundles-'));
try {
  const targets = [
    { name: '(empty handler)', entry: EMPTY_HANDLER },
    ...stackHandlers().map((file) => ({ name: file.replace(/\.ts$/, ''), entry: handlerEntry(file) })),
  ];
  const built = [];
  for (const [i, target] of targets.entries()) built.push({ ...target, ...(await buildLikeTheStack(target.entry, join(work, String(i)))) });

  // Round-robin, so that a burst of load on the machine touches every bundle alike.
  const timings = new Map(built.map((b) => [b.name, [] as ImportTiming[]]));
  timeImport(built[0]!.file, work); // warm the file cache and Node itself
  for (let run = 0; run < RUNS; run++) for (const b of built) timings.get(b.name)!.push(timeImport(b.file, work));

  const floor = median(timings.get('(empty handler)')!.map((t) => t.wallMs));
  const rows = built.map((b) => {
    const t = timings.get(b.name)!;
    const wall = median(t.map((x) => x.wallMs));
    return { name: b.name, kb: b.bytes / 1024, wall, importMs: median(t.map((x) => x.importMs)), ratio: wall / floor };
  });

  console.log(`bench:bundles, ${RUNS} fresh Node ${process.version} processes per bundle, median wall time from spawn to exit`);
  console.log(`${'function'.padEnd(18)} ${'size KB'.padStart(8)} ${'wall ms'.padStart(8)} ${'import ms'.padStart(10)} ${'x floor'.padStart(8)}`);
  for (const r of rows) console.log(`${r.name.padEnd(18)} ${r.kb.toFixed(1).padStart(8)} ${r.wall.toFixed(1).padStart(8)} ${r.importMs.toFixed(1).padStart(10)} ${r.ratio.toFixed(2).padStart(8)}`);
  const functions = rows.filter((r) => r.name !== '(empty handler)');
  const maxKb = Math.max(...functions.map((r) => r.kb));
  const worstRatio = Math.max(...functions.map((r) => r.ratio));
  console.log(`targets: each < 300 KB (${maxKb < 300 ? 'met' : 'missed'}), import < 3x the floor (${worstRatio < 3 ? 'met' : 'missed'})`);
  console.log(`bundles max_kb=${maxKb.toFixed(1)} worst_import_ratio=${worstRatio.toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
