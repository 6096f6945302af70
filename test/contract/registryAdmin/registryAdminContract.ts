import { describe, expect, it } from 'vitest';
import type { RegistryAdmin } from '../../../functions/core/ports/RegistryAdmin.ts';
import type { RegistryImportStore } from '../../../functions/core/ports/RegistryImportStore.ts';
import type { RegistryStore } from '../../../functions/core/ports/RegistryStore.ts';
import type { CityFile } from '../../../local/city/cityFileSchema.ts';

/** One seeded registry seen through the three ports: administrators' writes, planning reads, imports. */
export interface RegistryUnderTest {
  admin: RegistryAdmin;
  reads: RegistryStore;
  imports: RegistryImportStore;
}

/** What every RegistryAdmin adapter owes an administrator: the DynamoDB adapter and its twin alike. */
export function registryAdminContract(name: string, city: CityFile, make: () => Promise<RegistryUnderTest>): void {
  const [first, second] = [city.crews[0]!, city.crews[1]!];

  describe(`RegistryAdmin contract: ${name}`, () => {
    it('saves a new road that the planning reads then list, and reads it back by id', async () => {
      const { admin, reads } = await make();
      const road = { ...city.roads[0]!, id: 'R-NEW', name: '新路' };

      expect(await admin.saveRecord('roads', road)).toBe('saved');

      expect({ byId: await admin.getRecord('roads', 'R-NEW'), listed: (await reads.listRoads()).some((r) => r.id === 'R-NEW') }).toEqual({ byId: road, listed: true });
    });

    it('replaces a record saved under the same id', async () => {
      const { admin, reads } = await make();

      await admin.saveRecord('vehicles', { ...city.vehicles[0]!, status: 'maintenance' as const });

      expect((await reads.listVehicles()).filter((v) => v.id === city.vehicles[0]!.id)).toEqual([{ ...city.vehicles[0]!, status: 'maintenance' as const }]);
    });

    it('answers nothing for a record that does not exist', async () => {
      const { admin } = await make();

      expect(await admin.getRecord('crews', 'NO-SUCH-CREW')).toBeUndefined();
    });

    it('refuses a crew whose leader phone is another crew\'s, writing nothing', async () => {
      const { admin, reads } = await make();

      const outcome = await admin.saveRecord('crews', { ...second, leader: { ...second.leader, phone: first.leader.phone } });

      expect({ outcome, stored: await admin.getRecord('crews', second.id), owner: (await reads.findCrewByPhone(first.leader.phone))?.crew.id }).toEqual({ outcome: 'phone-in-use', stored: second, owner: first.id });
    });

    it('refuses a crew whose backup phone is the duty officer\'s', async () => {
      const { admin } = await make();

      expect(await admin.saveRecord('crews', { ...second, backup: { ...second.backup, phone: city.plan.dutyOfficerPhone } })).toBe('phone-in-use');
    });

    it('lets a crew be saved again with its own phones', async () => {
      const { admin } = await make();

      expect(await admin.saveRecord('crews', { ...first, name: `${first.name} 二` })).toBe('saved');
    });

    it('frees a phone a crew gave up, so another crew can take it', async () => {
      const { admin, reads } = await make();
      await admin.saveRecord('crews', { ...first, leader: { ...first.leader, phone: '+8613900000777' } });

      const outcome = await admin.saveRecord('crews', { ...second, leader: { ...second.leader, phone: first.leader.phone } });

      expect({ outcome, owner: (await reads.findCrewByPhone(first.leader.phone))?.crew.id }).toEqual({ outcome: 'saved', owner: second.id });
    });

    it('deletes a crew and frees its phones', async () => {
      const { admin, reads } = await make();

      await admin.deleteRecord('crews', first);

      expect({ stored: await admin.getRecord('crews', first.id), owner: await reads.findCrewByPhone(first.leader.phone) }).toEqual({ stored: undefined, owner: undefined });
    });

    it('refuses a plan whose duty officer phone is a crew\'s, keeping the old plan', async () => {
      const { admin, reads } = await make();

      const outcome = await admin.savePlan({ ...(await reads.getPlan()), dutyOfficerPhone: first.backup.phone });

      expect({ outcome, phone: (await reads.getPlan()).dutyOfficerPhone }).toEqual({ outcome: 'phone-in-use', phone: city.plan.dutyOfficerPhone });
    });

    it('makes an import read before a save of the kind stale', async () => {
      const { admin, imports } = await make();
      const { basis } = await imports.readKind('roads');

      await admin.saveRecord('roads', { ...city.roads[0]!, name: '改名' });

      expect(await imports.replaceKind('roads', city.roads, basis)).toBe('stale');
    });
  });
}
