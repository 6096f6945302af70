import { describe, expect, it } from 'vitest';
import type { RegistryImportStore } from '../../../functions/core/ports/RegistryImportStore.ts';
import type { CityPlan } from '../../../functions/core/registry/CityPlan.ts';
import type { CityFile } from '../../../local/city/cityFileSchema.ts';

/** A store seeded with `city`, and how to replace its plan the way an administrator does. */
export interface ImportsUnderTest {
  store: RegistryImportStore;
  savePlan(plan: CityPlan): Promise<void>;
}

/** What every RegistryImportStore adapter owes an import. */
export function registryImportsContract(name: string, city: CityFile, make: () => Promise<ImportsUnderTest>): void {
  describe(`RegistryImportStore contract: ${name}`, () => {
    it('replaces every record of a kind by the given set, leaving the other kinds alone', async () => {
      const { store } = await make();
      const { basis } = await store.readKind('roads');
      const kept = city.roads.slice(1, 3).map((r) => ({ ...r, name: `${r.name} (renamed)` }));
      expect(await store.replaceKind('roads', kept, basis)).toBe('replaced');
      expect((await store.readKind('roads')).records.sort((a, b) => a.id.localeCompare(b.id))).toEqual(kept.sort((a, b) => a.id.localeCompare(b.id)));
      expect((await store.readKind('vehicles')).records).toHaveLength(city.vehicles.length);
    });

    it('refuses a replacement against a basis read before another write of the kind, changing nothing', async () => {
      const { store } = await make();
      const { basis } = await store.readKind('vehicles');
      expect(await store.replaceKind('vehicles', city.vehicles.slice(0, 1), basis)).toBe('replaced');
      expect(await store.replaceKind('vehicles', city.vehicles.slice(0, 2), basis)).toBe('stale');
      expect((await store.readKind('vehicles')).records.map((v) => v.id)).toEqual([city.vehicles[0]!.id]);
    });

    it('refuses a crews replacement read before the duty officer\'s phone changed', async () => {
      const { store, savePlan } = await make();
      const { basis } = await store.readKind('crews');
      await savePlan({ ...(await store.getPlan()), dutyOfficerPhone: '+8613900000999' });
      expect(await store.replaceKind('crews', city.crews.slice(0, 1), basis)).toBe('stale');
      expect((await store.readKind('crews')).records).toHaveLength(city.crews.length);
    });

    it('gives the same basis to two reads with no write between them', async () => {
      const { store } = await make();
      expect((await store.readKind('crews')).basis).toBe((await store.readKind('crews')).basis);
    });
  });
}
