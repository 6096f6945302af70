import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLikeTheStack } from '../../bench/bundles/buildLikeTheStack.ts';
import { handlerEntry } from '../../lib/bundling/bundlingOptions.ts';
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

  it.each(['poller', 'inbound'] as const)('the %s bundle carries neither zod\'s 40 locales nor mime-db (import * as z; form-data aliased away)', (which) => {
    const code = readFileSync(join(bundleDir(which), 'index.mjs'), 'utf8');

    // German is one of the locales `import { z } from 'zod'` drags in; mime-db is the 130 KB table form-data needs.
    expect(code.includes('Eingabe: erwartet'), 'zod locales are bundled: import zod as `import * as z from \'zod\'`').toBe(false);
    expect(code.includes('"application/vnd'), 'mime-db is bundled: form-data is no longer aliased away').toBe(false);
  });

  it.each(['poller', 'inbound'] as const)('bench:bundles builds the %s bundle byte for byte as the stack does', async (which) => {
    const fn = which === 'poller' ? s.stack.poller.function : s.stack.inbound.function;
    const outdir = mkdtempSync(join(tmpdir(), 'snowops-bench-like-'));
    try {
      const { file } = await buildLikeTheStack(handlerEntry(fn.handlerFile), outdir);

      expect(readFileSync(file, 'utf8') === readFileSync(join(bundleDir(which), 'index.mjs'), 'utf8')).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
