import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Configuration the handlers parse at module load; placeholders, as no AWS call is made on import. */
export const HANDLER_ENV: Record<string, string> = {
  REGISTRY_TABLE: 'registry', OPERATIONS_TABLE: 'operations', LOG_TABLE: 'log', IDEMPOTENCY_TABLE: 'idempotency',
  DISPATCH_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/dispatch',
  AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export interface ImportTiming {
  /** Spawn to exit of a fresh Node process that only imports the bundle: what a cold start pays. */
  wallMs: number;
  /** The import alone, measured inside that process. */
  importMs: number;
}

/** Imports a bundle in a fresh Node process started in `cwd` (no node_modules in reach) and times it. */
export function timeImport(file: string, cwd: string): ImportTiming {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, env: { PATH: process.env.PATH ?? '', ...HANDLER_ENV }, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`importing ${file} failed:\n${run.stderr}`);
  return { wallMs, importMs: Number(run.stdout) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
