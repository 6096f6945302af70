import { MemoryRegistryImports } from '../../../functions/adapters/memory/MemoryRegistryImports.ts';
import { loadCityFile } from '../../../local/city/loadCityFile.ts';
import { registryImportsContract } from './registryImportsContract.ts';
import { plannerWorld } from '../../support/plannerWorld.ts';

const city = await loadCityFile();

registryImportsContract('DynamoDB Local', city, async () => {
  const { deps } = await plannerWorld(city);
  return { store: deps.registry, savePlan: async (plan) => { await deps.registry.savePlan(plan); } };
});
registryImportsContract('in memory', city, async () => {
  const store = new MemoryRegistryImports(structuredClone({ plan: city.plan, zones: city.zones, depots: city.depots ?? [], roads: city.roads, crews: city.crews, vehicles: city.vehicles }));
  return { store, savePlan: async (plan) => store.savePlan(plan) };
});
