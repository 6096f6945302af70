import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

/** `db` whose `n`-th BatchWriteItem fails as a dropped connection would (the import's writes are batches). */
function failingBatch(db: DynamoDBDocumentClient, n: number): DynamoDBDocumentClient {
  let batches = 0;
  return new Proxy(db, {
    get: (target, prop) => (prop !== 'send' ? Reflect.get(target, prop) : (command: unknown) => {
      if (command instanceof BatchWriteCommand && ++batches === n) return Promise.reject(new Error('socket hang up'));
      return target.send(command as never);
    }),
  });
}

async function registryItems(db: DynamoDBDocumentClient, tableName: string): Promise<string[]> {
  return ((await db.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }))).Items ?? []).map((i) => JSON.stringify(i)).sort();
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

  it('changes nothing when it fails part-way: a city file lands whole or not at all (issue 14, build item 2)', async () => {
    const { db, names } = await localTables();
    const config = loadDeployConfig('prod');
    await importRegistry({ file: DEMO_CITY_FILE, config, db, tableName: names.REGISTRY_TABLE });
    const before = await registryItems(db, names.REGISTRY_TABLE);
    const file = await demoCityWith((city) => { city.plan.name = '改过的预案'; city.roads[0].name = '改过的路'; city.crews.pop(); });

    const attempt = importRegistry({ file, config, db: failingBatch(db, 3), tableName: names.REGISTRY_TABLE });

    await expect(attempt).rejects.toThrow('socket hang up');
    expect(await registryItems(db, names.REGISTRY_TABLE)).toEqual(before);
  });

  it('replaces the registry with the city file: a road left out of the file is gone', async () => {
    const { db, names } = await localTables();
    const config = loadDeployConfig('prod');
    await importRegistry({ file: DEMO_CITY_FILE, config, db, tableName: names.REGISTRY_TABLE });
    let dropped = '';
    const file = await demoCityWith((city) => { dropped = city.roads.pop().id; });

    await importRegistry({ file, config, db, tableName: names.REGISTRY_TABLE });

    const roads = await new DynamoRegistryStore(db, names.REGISTRY_TABLE).listRoads();
    expect(roads.some((r) => r.id === dropped)).toBe(false);
  });

  it.each([
    ['two crews one phone', (city: Record<string, any>) => { city.crews[1].backup.phone = city.crews[0].leader.phone; }, 'crews.1.backup.phone: the same phone as crews.0.leader.phone'],
    ['a crew the duty officer\'s phone', (city: Record<string, any>) => { city.crews[2].leader.phone = city.plan.dutyOfficerPhone; }, 'crews.2.leader.phone: the same phone as plan.dutyOfficerPhone'],
  ])('refuses a city file giving %s, naming both places and writing nothing (issue 14, build item 3)', async (_what, change, message) => {
    const { db, names } = await localTables();
    const file = await demoCityWith(change);

    const attempt = importRegistry({ file, config: loadDeployConfig('prod'), db, tableName: names.REGISTRY_TABLE });

    await expect(attempt).rejects.toThrow(message);
    expect(await registryItems(db, names.REGISTRY_TABLE)).toEqual([]);
  });
});
