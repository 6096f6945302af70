import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { LAMBDA_NODE_OPTIONS } from '../../lib/bundling/bundlingOptions.ts';

/**
 * The environment a bundle is imported in, as Lambda gives it: the Node options every Lambda runs with
 * (source maps, which Node reads at import); what the runtime sets that changes a handler's import
 * (Powertools Tracer turns X-Ray on, patching http and https, only in a Lambda execution environment, and
 * the X-Ray SDK sets up its Lambda mode from LAMBDA_TASK_ROOT); and the configuration the handlers parse
 * at module load (placeholders, as no AWS call is made on import).
 */
export const HANDLER_ENV: Record<string, string> = {
  NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', AWS_LAMBDA_FUNCTION_NAME: 'snowops-bench', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', LAMBDA_TASK_ROOT: '/var/task', AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
  AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR', POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
  REGISTRY_TABLE: 'registry', OPERATIONS_TABLE: 'operations', LOG_TABLE: 'log', IDEMPOTENCY_TABLE: 'idempotency', CITIZEN_TABLE: 'citizen', PHOTO_BUCKET: 'snowops-photos',
  DISPATCH_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/dispatch',
  PLANNING_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/planning',
  SMS_PARTS_PER_SECOND: '20',
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
