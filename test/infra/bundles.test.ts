import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthStack, type Synthesised } from './synthStack.ts';

/** Placeholder configuration: enough for the handlers' module-level env parsing, no AWS call is made. */
const HANDLER_ENV = { REGISTRY_TABLE: 'registry', OPERATIONS_TABLE: 'operations', LOG_TABLE: 'log', AWS_REGION: 'us-east-1' };

describe('handler bundles', () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthStack('dev', { bundle: true });
  });
  afterAll(() => s?.dispose());

  /** The bundle directory of a Lambda: its S3 key is `<asset hash>.zip`, staged as `asset.<hash>/`. */
  const bundleDir = (which: 'poller' | 'inbound'): string => {
    const fn = which === 'poller' ? s.stack.poller.function : s.stack.inbound.function;
    const key = s.template.toJSON().Resources[s.logicalId(fn)].Properties.Code.S3Key as string;
    return join(s.outdir, `asset.${key.replace(/\.zip$/, '')}`);
  };

  it.each(['poller', 'inbound'] as const)('the %s bundle is an ES module with a source map and a require shim', (which) => {
    const dir = bundleDir(which);

    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');

    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    expect(code.startsWith("import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);")).toBe(true);
  });

  it.each(['poller', 'inbound'] as const)('the %s bundle loads in a bare Node process and exports a handler', (which) => {
    const entry = pathToFileURL(join(bundleDir(which), 'index.mjs')).href;

    // A fresh process with no node_modules in reach: the bundle must carry every dependency itself,
    // and CommonJS dependencies must find `require` through the banner.
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(entry)}); process.stdout.write(typeof m.handler);`], {
      cwd: bundleDir(which),
      env: { PATH: process.env.PATH ?? '', ...HANDLER_ENV },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    expect(out).toBe('function');
  });
});
