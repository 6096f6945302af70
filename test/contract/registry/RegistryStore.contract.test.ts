import { MemoryRegistryStore } from '../../../functions/adapters/memory/MemoryRegistryStore.ts';
import { loadCityFile } from '../../../local/city/loadCityFile.ts';
import { plannerWorld } from '../../support/plannerWorld.ts';
import { registryReadsContract } from './registryReadsContract.ts';

const city = await loadCityFile();

registryReadsContract('DynamoDB Local', city, async () => (await plannerWorld(city)).deps.registry);
registryReadsContract('in memory', city, async () => new MemoryRegistryStore(structuredClone({ plan: city.plan, zones: city.zones, depots: city.depots ?? [], roads: city.roads, crews: city.crews, vehicles: city.vehicles })));
