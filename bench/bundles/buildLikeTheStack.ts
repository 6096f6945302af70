import { execSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BUNDLING, LAMBDA_RUNTIME, PROJECT_ROOT } from '../../lib/bundling/bundlingOptions.ts';

/**
 * esbuild's options for what NodejsFunction runs with lib/bundling/bundlingOptions.ts: the same fields,
 * translated from CDK's names to esbuild's (target from the runtime, as CDK derives it).
 * test/infra/bundles.test.ts checks that the result is byte-identical to the stack's asset.
 */
export function esbuildOptionsOfTheStack(entry: string, outfile: string): BuildOptions {
  const alias = Object.fromEntries(Object.entries(BUNDLING.esbuildArgs ?? {})
    .filter(([key]) => key.startsWith('--alias:'))
    .map(([key, value]) => [key.slice('--alias:'.length), String(value)]));
  const unsupported = Object.keys(BUNDLING.esbuildArgs ?? {}).filter((key) => !key.startsWith('--alias:'));
  if (unsupported.length > 0) throw new Error(`bench/bundles: translate esbuildArgs ${unsupported.join(', ')} to esbuild options first`);
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: LAMBDA_RUNTIME.name.replace(/^nodejs(\d+).*$/, 'node$1'),
    format: BUNDLING.format === OutputFormat.ESM ? 'esm' : 'cjs',
    outfile,
    minify: BUNDLING.minify ?? false,
    sourcemap: BUNDLING.sourceMap ?? false,
    sourcesContent: BUNDLING.sourcesContent ?? true,
    external: BUNDLING.externalModules ?? ['@aws-sdk/*'],
    mainFields: BUNDLING.mainFields,
    ...(BUNDLING.define ? { define: BUNDLING.define } : {}),
    banner: BUNDLING.banner ? { js: BUNDLING.banner } : undefined,
    alias,
    absWorkingDir: PROJECT_ROOT,
    logLevel: 'silent',
  };
}

/**
 * Bundles `entry` into `outdir/index.mjs` exactly as the stack does (the commands run after bundling too); returns the
 * file, its size in bytes and every input esbuild put in it (a metafile changes nothing in the output).
 */
export async function buildLikeTheStack(entry: string, outdir: string): Promise<{ file: string; bytes: number; inputs: string[] }> {
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, BUNDLING.format === OutputFormat.ESM ? 'index.mjs' : 'index.js');
  const result = await build({ ...esbuildOptionsOfTheStack(entry, file), metafile: true });
  for (const command of BUNDLING.commandHooks?.afterBundling(PROJECT_ROOT, outdir) ?? []) execSync(command, { stdio: 'inherit' });
  return { file, bytes: statSync(file).size, inputs: Object.keys(result.metafile.inputs) };
}
