import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { loadDeployConfig } from '../../lib/config/loadDeployConfig.ts';
import { DEMO_CITY_FILE } from '../../local/city/loadCityFile.ts';
import { importRegistry } from '../../local/registry/importRegistry.ts';
import { localTables } from '../support/localTables.ts';

async function demoCityWith(change: (city: Record<string, any>) => void): Promise<string> {
  const city = JSON.parse(await readFile(DEMO_CITY_FILE, 'utf8')) as Record<string, any>;
  change(city);
  const file = join(await mkdtemp(join(tmpdir(), 'snowops-import-')), 'city.json');
  await writeFile(file, JSON.stringify(city));
  return file;
}

describe('first registry import into a deployed Registry table (DynamoDB Local)', () => {
  it('loads the demo city, after which the poller can read the plan and the crews', async () => {
    const { db, names } = await localTables();

    const counts = await importRegistry({ file: DEMO_CITY_FILE, config: loadDeployConfig('prod'), db, tableName: names.REGISTRY_TABLE });

    const registry = new DynamoRegistryStore(db, names.REGISTRY_TABLE);
    expect((await registry.getPlan()).id).toBe(loadDeployConfig('prod').city.planId);
    expect((await registry.listCrews()).length).toBe(counts.crews);
  });

  it('refuses a city whose plan is not the one the stage was deployed for, writing nothing', async () => {
    const { db, names } = await localTables();
    const file = await demoCityWith((city) => { city.plan.id = 'another-city-2026'; });

    const attempt = importRegistry({ file, config: loadDeployConfig('dev'), db, tableName: names.REGISTRY_TABLE });

    await expect(attempt).rejects.toThrow('plan.id is "another-city-2026" but config/dev.json city.planId is "jiaozuo-2026"');
    await expect(new DynamoRegistryStore(db, names.REGISTRY_TABLE).listZones()).resolves.toEqual([]);
  });

  it('refuses a city whose zones differ from the ones the dashboard and alarms were built for', async () => {
    const { db, names } = await localTables();
    const file = await demoCityWith((city) => { city.zones[0].id = 'xiuwu'; for (const kind of ['depots', 'roads', 'crews', 'vehicles']) for (const item of city[kind]) if (item.zoneId === 'jiefang') item.zoneId = 'xiuwu'; });

    const attempt = importRegistry({ file, config: loadDeployConfig('dev'), db, tableName: names.REGISTRY_TABLE });

    await expect(attempt).rejects.toThrow(/zones \[.*xiuwu.*\] differ from config\/dev\.json city\.zones/);
  });
});
