import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import type { DeployConfig } from '../../lib/config/deployConfigSchema.ts';
import { loadCityFile } from '../city/loadCityFile.ts';

export interface ImportRegistryOptions {
  /** A city file (local/demo-city/jiaozuo.json is one), validated before anything is written. */
  file: string;
  /** The deployed stage's settings: the city file must carry its plan and exactly its zones. */
  config: DeployConfig;
  db: DynamoDBDocumentClient;
  /** The stack's RegistryTableName output. */
  tableName: string;
}

/**
 * Loads a city's registry (plan, zones, depots, roads, crews, vehicles) into a deployed Registry table, all or
 * nothing: it replaces what the table held, or changes nothing if it fails part-way. Refuses
 * a file that does not match the stage's deploy config, since the dashboard and the alarms were built
 * from the config's zones: a zone missing from either would be silently ungraphed or unpolled.
 */
export async function importRegistry(options: ImportRegistryOptions): Promise<{ zones: number; roads: number; crews: number; vehicles: number }> {
  const city = await loadCityFile(options.file);
  const { planId, zones } = options.config.city;
  if (city.plan.id !== planId) {
    throw new Error(`${options.file}: plan.id is "${city.plan.id}" but config/${options.config.stage}.json city.planId is "${planId}"`);
  }
  const inFile = city.zones.map((z) => z.id).sort();
  const inConfig = zones.map((z) => z.id).sort();
  if (inFile.join() !== inConfig.join()) {
    throw new Error(`${options.file}: zones [${inFile.join(', ')}] differ from config/${options.config.stage}.json city.zones [${inConfig.join(', ')}]`);
  }
  await new DynamoRegistryStore(options.db, options.tableName).replaceCity(city);
  return { zones: city.zones.length, roads: city.roads.length, crews: city.crews.length, vehicles: city.vehicles.length };
}
