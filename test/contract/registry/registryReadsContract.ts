import { describe, expect, it } from 'vitest';
import type { RegistryStore } from '../../../functions/core/ports/RegistryStore.ts';
import { cityPlanSchema } from '../../../functions/core/registry/CityPlan.ts';
import type { CityFile } from '../../../local/city/cityFileSchema.ts';

const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => a.id.localeCompare(b.id));

/** What every RegistryStore does once a city is seeded into it: the DynamoDB adapter and its twin alike. */
export function registryReadsContract(name: string, city: CityFile, make: () => Promise<RegistryStore>): void {
  describe(`RegistryStore reads: ${name}`, () => {
    it('reads back the plan it was seeded with, defaults filled as the schema fills them', async () => {
      const store = await make();
      expect(await store.getPlan()).toEqual(cityPlanSchema.parse(city.plan));
    });

    it('lists every zone, depot, road, crew and vehicle seeded, and nothing else', async () => {
      const store = await make();
      const [zones, depots, roads, crews, vehicles] = await Promise.all([store.listZones(), store.listDepots(), store.listRoads(), store.listCrews(), store.listVehicles()]);
      expect({ zones: byId(zones), depots: byId(depots), roads: byId(roads), crews: byId(crews), vehicles: byId(vehicles) })
        .toEqual({ zones: byId(city.zones), depots: byId(city.depots ?? []), roads: byId(city.roads), crews: byId(city.crews), vehicles: byId(city.vehicles) });
    });

    it('finds a crew by its leader\'s phone and by its backup\'s, saying which one it is', async () => {
      const store = await make();
      const crew = city.crews[1]!;
      expect([await store.findCrewByPhone(crew.leader.phone), await store.findCrewByPhone(crew.backup.phone)])
        .toEqual([{ crew, role: 'leader' }, { crew, role: 'backup' }]);
    });

    it('gives the same roads revision on every read while the roads are unchanged', async () => {
      const store = await make();
      const first = await store.roadsRevision();
      await store.listRoads();
      expect(await store.roadsRevision()).toBe(first);
    });

    it('finds no crew for a phone no crew has', async () => {
      const store = await make();
      expect(await store.findCrewByPhone('+8613000000000')).toBeUndefined();
    });

    it('hands out copies: changing what it read changes nothing stored', async () => {
      const store = await make();
      (await store.listCrews())[0]!.name = 'changed by a reader';
      expect((await store.listCrews()).map((c) => c.name)).not.toContain('changed by a reader');
    });
  });
}
