import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLikeTheStack } from '../../bench/bundles/buildLikeTheStack.ts';
import { HANDLER_ENV } from '../../bench/bundles/timeImport.ts';
import { CREATE_REQUIRE_BANNER, handlerEntry } from '../../lib/bundling/bundlingOptions.ts';
import { SnowopsFunction } from '../../lib/SnowopsFunction.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));
const CREDENTIALS_FIXTURE = fileURLToPath(new URL('./fixtures/snsClientCredentials.ts', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

describe('handler bundles (every SnowopsFunction of the prod stack, bundled for real)', () => {
  let s: Synthesised;
  let bundles: { handlerFile: string; dir: string }[];
  beforeAll(() => {
    s = synthStack('prod', { bundle: true });
    const resources = s.template.toJSON().Resources as Record<string, { Properties: { Code: { S3Key: string } } }>;
    // A Lambda's S3 key is `<asset hash>.zip`, staged as `asset.<hash>/`.
    bundles = s.stack.node.findAll().filter((c): c is SnowopsFunction => c instanceof SnowopsFunction).map((fn) => ({
      handlerFile: fn.handlerFile,
      dir: join(s.outdir, `asset.${resources[s.logicalId(fn)]!.Properties.Code.S3Key.replace(/\.zip$/, '')}`),
    }));
  });
  afterAll(() => s?.dispose());

  it('finds every Lambda of the stack', () => {
    expect(bundles.map((b) => b.handlerFile).sort()).toEqual(['api.ts', 'dispatcher.ts', 'escalator.ts', 'forecastPoller.ts', 'smsInbound.ts']);
  });

  it('every bundle is an ES module with a source map and a require shim', () => {
    for (const { handlerFile, dir } of bundles) {
      expect(existsSync(join(dir, 'index.mjs.map')), handlerFile).toBe(true);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8').startsWith(CREATE_REQUIRE_BANNER), handlerFile).toBe(true);
    }
  });

  it('every bundle loads in a bare Node process and exports a handler', () => {
    for (const { handlerFile, dir } of bundles) {
      const entry = pathToFileURL(join(dir, 'index.mjs')).href;
      // A fresh process with no node_modules in reach: the bundle must carry every dependency itself,
      // and CommonJS dependencies must find `require` through the banner.
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(entry)}); process.stdout.write(typeof m.handler);`], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', ...HANDLER_ENV },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });

      expect(out, handlerFile).toBe('function');
    }
  });

  it('no bundle carries zod\'s 40 locales or mime-db', () => {
    for (const { handlerFile, dir } of bundles) {
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      // German is one of the locales `import { z } from 'zod'` drags in; mime-db is the 130 KB table form-data needs.
      expect(code.includes('Eingabe: erwartet'), `${handlerFile}: zod locales are bundled; import zod as \`import * as z from 'zod'\``).toBe(false);
      expect(code.includes('"application/vnd'), `${handlerFile}: mime-db is bundled; form-data is no longer aliased away (lib/bundling)`).toBe(false);
    }
  });

  it('no file under functions/ imports zod by name, which would bundle every zod locale', () => {
    const named = sourceFiles(FUNCTIONS_DIR).filter((file) => /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/.test(readFileSync(file, 'utf8')));

    expect(named).toEqual([]);
  });

  it('a bundled SDK client takes its credentials from the environment Lambda sets, without the rest of the default chain', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'snowops-credentials-'));
    try {
      const { file } = await buildLikeTheStack(CREDENTIALS_FIXTURE, outdir);
      const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(await m.handler());`;

      const accessKeyId = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: outdir,
        env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'ASIAFROMLAMBDAENV', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' },
        encoding: 'utf8',
      });

      expect(accessKeyId).toBe('ASIAFROMLAMBDAENV');
      expect(readFileSync(file, 'utf8').includes('defaultProvider::fromSSO')).toBe(false);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('bench:bundles builds every bundle byte for byte as the stack does', async () => {
    for (const { handlerFile, dir } of bundles) {
      const outdir = mkdtempSync(join(tmpdir(), 'snowops-bench-like-'));
      try {
        const { file } = await buildLikeTheStack(handlerEntry(handlerFile), outdir);

        expect(readFileSync(file, 'utf8') === readFileSync(join(dir, 'index.mjs'), 'utf8'), handlerFile).toBe(true);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    }
  });
});
