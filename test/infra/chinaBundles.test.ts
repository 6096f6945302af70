import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_ENV } from '../../bench/bundles/timeImport.ts';
import { SnowopsFunction } from '../../lib/SnowopsFunction.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

const execFileAsync = promisify(execFile);

/**
 * What the cn stack's Lambdas read at a cold start, with the AccessKey and callback token given directly (the local
 * way), so that loading a bundle here reaches no Secrets Manager.
 */
const CN_ENV: Record<string, string> = {
  ...HANDLER_ENV,
  AWS_REGION: 'cn-north-1',
  SMS_SIGNATURE: '扫雪',
  ALIYUN_ACCESS_KEY_ID: 'LTAI-bundle-test',
  ALIYUN_ACCESS_KEY_SECRET: 'bundle-test',
  ALIYUN_TEMPLATE_CODES: '{"tasking.zh-CN":"SMS_480000001"}',
  ALIYUN_CALLBACK_TOKEN: 'k3Jx9QmZp2Lw8RtV5nYc7HbF4sDg6AeU1oPi0qWz',
  OIDC_ISSUER: 'https://sso.jiaozuo.example/realms/chengguan',
  OIDC_AUDIENCE: 'snowops',
  OIDC_JWKS_URL: 'https://sso.jiaozuo.example/realms/chengguan/protocol/openid-connect/certs',
  OIDC_ROLE_MAPPING: '{"snow-duty-officer":"duty-officer"}',
};

describe('the China stack\'s bundles (bundled for real)', () => {
  let s: Synthesised;
  let bundles: { handlerFile: string; dir: string }[];
  beforeAll(() => {
    s = synthStack('cn', { bundle: true });
    const resources = s.template.toJSON().Resources as Record<string, { Properties: { Code: { S3Key: string } } }>;
    bundles = s.stack.node.findAll().filter((c): c is SnowopsFunction => c instanceof SnowopsFunction).map((fn) => ({
      handlerFile: fn.handlerFile,
      dir: join(s.outdir, `asset.${resources[s.logicalId(fn)]!.Properties.Code.S3Key.replace(/\.zip$/, '')}`),
    }));
    // Six real esbuild runs, four of them with the Alibaba Cloud SDK (1.6 MB each): about a minute on a loaded 2-core machine.
  }, 180_000);
  afterAll(() => s?.dispose());

  it('every bundle, the Alibaba Cloud SDK inside, loads in a bare Node process and exports a handler', async () => {
    expect(bundles.map((b) => b.handlerFile).sort()).toEqual(['activationPlanner.ts', 'aliyunCallbacks.ts', 'api.ts', 'dispatcher.ts', 'escalator.ts', 'forecastPoller.ts', 'oidcAuthorizer.ts', 'publicApi.ts']);
    // One process a bundle, all at once.
    const loaded = await Promise.all(bundles.map(async ({ handlerFile, dir }) => {
      const entry = pathToFileURL(join(dir, 'index.mjs')).href;
      const script = `const m = await import(${JSON.stringify(entry)}); process.stdout.write(typeof m.handler);`;
      const run = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...CN_ENV }, encoding: 'utf8' })
        .then(({ stdout }) => ({ stdout, error: '' }), (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', error: (error.stderr ?? String(error)).split('\n').slice(0, 5).join('\n') }));
      return [handlerFile, run.stdout, run.error];
    }));

    expect(loaded).toEqual(bundles.map(({ handlerFile }) => [handlerFile, 'function', '']));
  }, 120_000);
});
