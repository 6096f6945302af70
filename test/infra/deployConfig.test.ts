import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeployConfigError } from '../../lib/config/DeployConfigError.ts';
import { defaultConfigFile, loadDeployConfig } from '../../lib/config/loadDeployConfig.ts';

const dir = mkdtempSync(join(tmpdir(), 'snowops-config-'));

/** config/dev.json with a change, written to a file of its own. */
function devConfigWith(change: (config: Record<string, any>) => void, name = 'dev.json'): string {
  const config = JSON.parse(readFileSync(defaultConfigFile('dev'), 'utf8')) as Record<string, any>;
  change(config);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

function errorOf(load: () => unknown): DeployConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof DeployConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('deploy configuration (config/<stage>.json)', () => {
  it('the dev and prod files in the repository are valid', () => {
    const [dev, prod] = [loadDeployConfig('dev'), loadDeployConfig('prod')];

    expect([dev.stage, prod.stage]).toEqual(['dev', 'prod']);
  });

  it('names the file and the field of a bad value', () => {
    const file = devConfigWith((c) => { c.alarms.email = 'operators at city'; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.message).toContain(file);
    expect(error.problems).toEqual([expect.stringMatching(/^alarms\.email: /)]);
  });

  it('refuses a misspelt key instead of ignoring the setting', () => {
    const file = devConfigWith((c) => { c.sms.monthlySpendLimitUSD = 50; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems.join('\n')).toMatch(/^sms: .*monthlySpendLimitUSD/m);
  });

  it('refuses an activation SMS budget window longer than the day CloudWatch allows an alarm period, naming the field', () => {
    const file = devConfigWith((c) => { c.sms.activationBudget.windowHours = 25; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems).toEqual([expect.stringMatching(/^sms\.activationBudget\.windowHours: /)]);
  });

  it('lists every problem at once, with the path into arrays', () => {
    const file = devConfigWith((c) => { c.city.zones[1].id = 'Shan Yang'; c.sms.originationNumber = '13900390000'; c.sms.spendAlarmPercent = 100; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['city.zones.1.id', 'sms.originationNumber', 'sms.spendAlarmPercent']);
  });

  it('refuses two zones with the same id', () => {
    const file = devConfigWith((c) => { c.city.zones.push({ ...c.city.zones[0] }); });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems).toEqual(['city.zones: zone ids must be unique']);
  });

  it('refuses an unknown time zone', () => {
    const file = devConfigWith((c) => { c.city.timeZone = 'China/Jiaozuo'; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems).toEqual([expect.stringMatching(/^city\.timeZone: must be an IANA time zone/)]);
  });

  it('refuses a file written for another stage', () => {
    const error = errorOf(() => loadDeployConfig('prod', defaultConfigFile('dev')));

    expect(error.problems).toEqual(['stage: the file is for "dev" but -c stage=prod was asked for']);
  });

  it('says so when the file is not JSON or does not exist', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "stage": "dev", }');

    const [notJson, missing] = [errorOf(() => loadDeployConfig('dev', broken)), errorOf(() => loadDeployConfig('dev', join(dir, 'nope.json')))];

    expect(notJson.problems[0]).toMatch(/^not JSON: /);
    expect(missing.problems).toEqual(['cannot read the file (ENOENT)']);
  });
});

/** config/cn.json with a change, written to a file of its own. */
function cnConfigWith(change: (config: Record<string, any>) => void): string {
  const config = JSON.parse(readFileSync(defaultConfigFile('cn'), 'utf8')) as Record<string, any>;
  change(config);
  const file = join(dir, 'cn.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('the China stage\'s configuration (config/cn.json)', () => {
  it('the cn file in the repository is valid: cn-north-1, Alibaba Cloud SMS, OIDC sign-in', () => {
    const cn = loadDeployConfig('cn');

    expect([cn.stage, cn.region, cn.sms.provider, cn.auth.kind]).toEqual(['cn', 'cn-north-1', 'aliyun', 'oidc']);
  });

  it('a file without sms.provider sends through SNS, as before providers existed', () => {
    const dev = loadDeployConfig('dev');

    expect(dev.sms.provider).toBe('sns');
    expect(dev.auth).toEqual({ kind: 'cognito' });
  });

  it('refuses a stage config that does not name its SMS pace, naming the field', () => {
    const file = devConfigWith((c) => { delete c.sms.pace; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems).toEqual([expect.stringMatching(/^sms\.pace: /)]);
  });

  it('refuses a pool whose pace passes the dispatcher\'s 1,000 message parts per second, saying so', () => {
    const file = devConfigWith((c) => { c.sms.pace = { origination: 'short-code', partsPerSecondEach: 100, identities: 11 }; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems).toEqual([expect.stringMatching(/^sms\.pace: partsPerSecondEach × identities must be at most 1000/)]);
  });

  it('names sms.provider when it is not a provider this project has', () => {
    const file = devConfigWith((c) => { c.sms.provider = 'tencent'; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems).toEqual(['sms.provider: must be one of "sns", "aliyun" (sms.provider)']);
  });

  it('refuses SNS and Cognito in a China region, saying what to use instead', () => {
    const file = cnConfigWith((c) => {
      c.sms = { provider: 'sns', monthlySpendLimitUsd: 10, manageAccountSpendLimit: false, activationBudget: { segments: 100, windowHours: 12 }, pace: { origination: 'short-code', partsPerSecondEach: 100 } };
      c.auth = { kind: 'cognito' };
    });

    const error = errorOf(() => loadDeployConfig('cn', file));

    expect(error.problems).toEqual([
      'sms.provider: SNS sends no SMS in cn-north-1: use "aliyun" (a mainland provider)',
      'auth.kind: Cognito user pools and Cognito authorizers are not available in cn-north-1: use "oidc" with the city\'s identity provider',
    ]);
  });

  it('refuses a cn stage outside the China regions', () => {
    const file = cnConfigWith((c) => { c.region = 'ap-east-1'; });

    const error = errorOf(() => loadDeployConfig('cn', file));

    expect(error.problems).toEqual(['region: the cn stage deploys to an AWS China region: cn-north-1 or cn-northwest-1']);
  });

  it('names every catalogue template that has no TemplateCode', () => {
    const file = cnConfigWith((c) => { delete c.sms.aliyun.templateCodes['tasking.zh-CN']; delete c.sms.aliyun.templateCodes['help.zh-CN']; });

    const error = errorOf(() => loadDeployConfig('cn', file));

    expect(error.problems).toEqual([expect.stringMatching(/^sms\.aliyun\.templateCodes: no TemplateCode for tasking\.zh-CN, help\.zh-CN \(register them first/)]);
  });

  it('refuses an OIDC mapping to a role snowops does not have, and a JWKS URL that is not https', () => {
    const file = cnConfigWith((c) => { c.auth.roleMapping = { 'snow-duty-officer': 'superuser' }; c.auth.jwksUrl = 'http://sso.jiaozuo.example/certs'; });

    const error = errorOf(() => loadDeployConfig('cn', file));

    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['auth.jwksUrl', 'auth.roleMapping.snow-duty-officer']);
  });
});

describe('the report page\'s origin (citizens.pageOrigin)', () => {
  it('refuses a stage without the report page\'s origin, naming citizens.pageOrigin', () => {
    const file = devConfigWith((c) => { delete c.citizens; });

    const error = errorOf(() => loadDeployConfig('dev', file));

    expect(error.problems).toEqual([expect.stringMatching(/^citizens: /)]);
  });

  it('refuses a report page origin that is not https, or carries a path, naming citizens.pageOrigin', () => {
    for (const pageOrigin of ['http://report.example.org', 'https://d111.cloudfront.net/report/', '*']) {
      const file = devConfigWith((c) => { c.citizens.pageOrigin = pageOrigin; });

      const error = errorOf(() => loadDeployConfig('dev', file));

      expect(error.problems).toEqual([expect.stringMatching(/^citizens\.pageOrigin: must be /)]);
    }
  });
});
