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
