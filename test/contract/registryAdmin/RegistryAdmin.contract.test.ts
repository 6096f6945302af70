import { MemoryRegistryAdmin } from '../../../functions/adapters/memory/MemoryRegistryAdmin.ts';
import { MemoryRegistryImports } from '../../../functions/adapters/memory/MemoryRegistryImports.ts';
import { MemoryRegistryStore } from '../../../functions/adapters/memory/MemoryRegistryStore.ts';
import { loadCityFile } from '../../../local/city/loadCityFile.ts';
import { plannerWorld } from '../../support/plannerWorld.ts';
import { registryAdminContract } from './registryAdminContract.ts';

const city = await loadCityFile();

registryAdminContract('DynamoDB Local', city, async () => {
  const { registry } = (await plannerWorld(city)).deps;
  return { admin: registry, reads: registry, imports: registry };
});
registryAdminContract('in memory', city, async () => {
  const registry = structuredClone({ plan: city.plan, zones: city.zones, depots: city.depots ?? [], roads: city.roads, crews: city.crews, vehicles: city.vehicles });
  return { admin: new MemoryRegistryAdmin(registry), reads: new MemoryRegistryStore(registry), imports: new MemoryRegistryImports(registry) };
});
