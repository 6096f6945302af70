import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLikeTheStack } from '../../bench/bundles/buildLikeTheStack.ts';
import { HANDLER_ENV } from '../../bench/bundles/timeImport.ts';
import { CREATE_REQUIRE_BANNER, handlerEntry } from '../../lib/bundling/bundlingOptions.ts';
import { SnowopsFunction } from '../../lib/SnowopsFunction.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

const execFileAsync = promisify(execFile);
const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));
const CREDENTIALS_FIXTURE = fileURLToPath(new URL('./fixtures/snsClientCredentials.ts', import.meta.url));
const PROVIDER_HTTP_FIXTURE = fileURLToPath(new URL('./fixtures/providerHttpGet.ts', import.meta.url));
const THROWS_FIXTURE = fileURLToPath(new URL('./fixtures/throwsInOwnCode.ts', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** The same promise, marked as handled: a rejection still reaches whoever awaits it. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

interface ImportProbe { handler: string; httpPatched: boolean; undici: boolean; fetch: string; Request: string; FormData: string }

/**
 * Imports a bundle in a bare Node process with the environment and options the stack gives every Lambda (no
 * node_modules in reach: the bundle must carry every dependency, CommonJS ones finding `require` through the banner)
 * and says what the import did.
 */
async function probeImport(dir: string): Promise<ImportProbe> {
  const entry = pathToFileURL(join(dir, 'index.mjs')).href;
  const script = `const http = await import('node:http'); const before = http.default.request; const m = await import(${JSON.stringify(entry)});
process.stdout.write(JSON.stringify({ handler: typeof m.handler, httpPatched: http.default.request !== before, undici: process.moduleLoadList.some((n) => n.includes('undici')), fetch: typeof fetch, Request: typeof Request, FormData: typeof FormData }));`;
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...HANDLER_ENV }, encoding: 'utf8' });
  return JSON.parse(stdout) as ImportProbe;
}

describe('handler bundles (every SnowopsFunction of the prod stack, bundled for real)', () => {
  let s: Synthesised;
  let bundles: { handlerFile: string; dir: string }[];
  /** What importing each bundle did in a fresh Node process, as Lambda starts it (one process a bundle, all at once). */
  let imported: Map<string, Promise<ImportProbe>>;
  /** Each handler bundled again as bench:bundles does (bench/bundles/buildLikeTheStack.ts), once, with its inputs. */
  let rebuilt: Map<string, Promise<{ file: string; inputs: string[] }>>;
  beforeAll(() => {
    s = synthStack('prod', { bundle: true });
    const resources = s.template.toJSON().Resources as Record<string, { Properties: { Code: { S3Key: string } } }>;
    // A Lambda's S3 key is `<asset hash>.zip`, staged as `asset.<hash>/`.
    bundles = s.stack.node.findAll().filter((c): c is SnowopsFunction => c instanceof SnowopsFunction).map((fn) => ({
      handlerFile: fn.handlerFile,
      dir: join(s.outdir, `asset.${resources[s.logicalId(fn)]!.Properties.Code.S3Key.replace(/\.zip$/, '')}`),
    }));
    // Started together here and awaited by the tests that read them (a failure is reported there, not as unhandled).
    imported = new Map(bundles.map(({ handlerFile, dir }) => [handlerFile, quiet(probeImport(dir))]));
    rebuilt = new Map(bundles.map(({ handlerFile }) => [handlerFile, quiet(buildLikeTheStack(handlerEntry(handlerFile), mkdtempSync(join(tmpdir(), 'snowops-bench-like-'))))]));
    // Seven real esbuild runs in the synthesis: well under a minute on a quiet 2-core machine, more on a loaded one.
  }, 180_000);
  afterAll(async () => {
    s?.dispose();
    for (const build of rebuilt?.values() ?? []) await build.then(({ file }) => rmSync(dirname(file), { recursive: true, force: true }), () => undefined);
  });
  const rebuild = (handlerFile: string) => rebuilt.get(handlerFile)!;

  it('finds every Lambda of the stack', () => {
    expect(bundles.map((b) => b.handlerFile).sort()).toEqual(['activationPlanner.ts', 'api.ts', 'dispatcher.ts', 'escalator.ts', 'forecastPoller.ts', 'publicApi.ts', 'smsInbound.ts']);
  });

  it('bench:bundles imports each bundle with the Node options the stack gives every Lambda (source maps cost at import)', () => {
    const resources = s.template.toJSON().Resources as Record<string, { Properties: { Environment: { Variables: Record<string, unknown> } } }>;
    const functions = s.stack.node.findAll().filter((c): c is SnowopsFunction => c instanceof SnowopsFunction);
    const nodeOptions = functions.map((fn) => resources[s.logicalId(fn)]!.Properties.Environment.Variables.NODE_OPTIONS);

    expect(nodeOptions).toEqual(functions.map(() => HANDLER_ENV.NODE_OPTIONS));
  });

  it('bench:bundles imports each bundle as Lambda would run it, with Powertools Tracer on (X-Ray patches http at import)', async () => {
    for (const { handlerFile } of bundles) {
      expect((await imported.get(handlerFile)!).httpPatched, handlerFile).toBe(true);
    }
  });

  it('every bundle is an ES module with a source map and a require shim', () => {
    for (const { handlerFile, dir } of bundles) {
      expect(existsSync(join(dir, 'index.mjs.map')), handlerFile).toBe(true);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8').startsWith(CREATE_REQUIRE_BANNER), handlerFile).toBe(true);
    }
  });

  it('every bundle loads in a bare Node process and exports a handler', async () => {
    for (const { handlerFile } of bundles) {
      expect((await imported.get(handlerFile)!).handler, handlerFile).toBe('function');
    }
  });

  it('no bundle makes Node load the fetch API (undici) at import, and each leaves the fetch API in place', async () => {
    for (const { handlerFile } of bundles) {
      // axios probes fetch, Request and FormData at import; lib/bundling/axiosWithoutFetchProbe.mjs hides them meanwhile.
      const { undici, fetch, Request, FormData } = await imported.get(handlerFile)!;

      expect({ undici, fetch, Request, FormData }, handlerFile).toEqual({ undici: false, fetch: 'function', Request: 'function', FormData: 'function' });
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

  it('no file under functions/ imports zod itself: they take zod/mini, with English messages, from functions/config/zod.ts', () => {
    const ZOD_MODULE = join(FUNCTIONS_DIR, 'config', 'zod.ts');
    const direct = sourceFiles(FUNCTIONS_DIR).filter((file) => file !== ZOD_MODULE && /from\s*'zod(\/[^']*)?'/.test(readFileSync(file, 'utf8')));

    expect(direct).toEqual([]);
  });

  it('no bundle carries classic zod, whose methods pull all of zod in', async () => {
    for (const { handlerFile } of bundles) {
      const sources = (await rebuild(handlerFile)).inputs;

      expect(sources.some((s) => s.includes('node_modules/zod/v4/mini/')), handlerFile).toBe(true);
      expect(sources.filter((s) => s.includes('node_modules/zod/v4/classic/')), handlerFile).toEqual([]);
    }
  });

  it('bundles only AWS clients without event-stream operations, as the event-stream codec is aliased away', async () => {
    // lib/bundling/noEventStreams.mjs stands in for @smithy/core/event-streams: before adding a client here,
    // check that none of its operations streams events (Bedrock, Kinesis, Transcribe, S3 SelectObjectContent do).
    const withoutEventStreams = ['client-dynamodb', 'client-sns', 'client-sqs'];
    // S3's one event-stream operation (SelectObjectContent) is never called: the public API puts, gets and deletes photos.
    const allowed = (handlerFile: string) => (handlerFile === 'publicApi.ts' ? [...withoutEventStreams, 'client-s3'] : withoutEventStreams);
    for (const { handlerFile } of bundles) {
      const sources = (await rebuild(handlerFile)).inputs;
      const clients = [...new Set(sources.flatMap((s) => /node_modules\/@aws-sdk\/(client-[^/]+)\//.exec(s)?.[1] ?? []))];

      expect(clients, handlerFile).toContain('client-dynamodb');
      expect(clients.filter((c) => !allowed(handlerFile).includes(c)), handlerFile).toEqual([]);
    }
  });

  it('the semver stand-in compares plain versions as semver does and refuses anything else', async () => {
    const { gte } = (await import(new URL('../../lib/bundling/semverGte.mjs', import.meta.url).href)) as { gte: (a: string, b: string) => boolean };

    expect([gte('22.11.0', '8.0.0'), gte('v3.0.0', '3.0.0'), gte('2.999.0', '3.0.0'), gte('3.1.0', '3.0.9')]).toEqual([true, true, false, true]);
    expect(() => gte('3.0.0-beta.1', '3.0.0')).toThrow(/semver is not bundled/);
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

  it('a bundled weather provider client (axios loaded without the fetch probe) reads JSON from a local HTTP server, retrying a 503', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'snowops-axios-'));
    let calls = 0;
    const server = createServer((req, res) => {
      calls++;
      if (calls === 1) { res.writeHead(503).end('busy'); return; }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url, snow: 4.2 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { file } = await buildLikeTheStack(PROVIDER_HTTP_FIXTURE, outdir);
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(JSON.stringify(await m.handler(${JSON.stringify(baseUrl)})));`;
      // Asynchronous, so that this process's server can answer.
      const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: outdir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });

      expect(JSON.parse(stdout)).toEqual({ url: '/forecast?zone=z1', snow: 4.2 });
      expect(calls).toBe(2);
    } finally {
      server.close();
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('every source map maps our own code only, not the packages under node_modules', () => {
    for (const { handlerFile, dir } of bundles) {
      const { sources } = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };

      expect(sources.some((s) => s.includes('functions/handlers/')), handlerFile).toBe(true);
      expect(sources.filter((s) => s.includes('node_modules/')), handlerFile).toEqual([]);
    }
  });

  it('a bundled error thrown in our code, under a package, names our TypeScript line, and the package frames their place in the bundle', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'snowops-stack-'));
    try {
      const { file } = await buildLikeTheStack(THROWS_FIXTURE, outdir);
      const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(await m.handler());`;

      const stack = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: outdir, env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: HANDLER_ENV.NODE_OPTIONS }, encoding: 'utf8' });

      expect(stack).toContain('thrown in our own code');
      expect(stack).toMatch(/test\/infra\/fixtures\/throwsInOwnCode\.ts:6:\d+/);
      expect(stack).toMatch(/index\.mjs:\d+:\d+/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('bench:bundles builds every bundle byte for byte as the stack does', async () => {
    for (const { handlerFile, dir } of bundles) {
      const { file } = await rebuild(handlerFile);

      expect(readFileSync(file, 'utf8') === readFileSync(join(dir, 'index.mjs'), 'utf8'), handlerFile).toBe(true);
      // The maps' relative source paths differ with where each was written; the files they name may not.
      const [ours, stacks] = [[dirname(file), `${file}.map`], [dir, join(dir, 'index.mjs.map')]].map(([at, map]) => {
        const { sources, ...rest } = JSON.parse(readFileSync(map!, 'utf8')) as { sources: string[] };
        return { ...rest, sources: sources.map((source) => resolve(at!, source)) };
      });
      expect(ours, `${handlerFile}.map`).toEqual(stacks);
    }
  });
});
