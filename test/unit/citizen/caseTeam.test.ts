import { describe, expect, it } from 'vitest';
import { chooseCaseTeam, nearestRoad } from '../../../functions/core/citizen/caseTeam.ts';
import { aCrew, aRoad, aVehicle } from '../../support/builders/registry.ts';

const free = { crewIds: new Set<string>(), vehicleIds: new Set<string>() };
const bridge = aRoad({ id: 'R1', name: '解放路桥', zoneId: 'jiefang', agentAllowed: false });

describe('the road a citizen case is put on', () => {
  it('is the road whose centre line passes nearest the pin, within the case\'s zone when it has one', () => {
    const far = aRoad({ id: 'R2', zoneId: 'jiefang', latitude: 35.30, longitude: 113.30 });
    const line = aRoad({ id: 'R3', zoneId: 'jiefang', latitude: 35.30, longitude: 113.30, line: [[35.30, 113.30], [35.2401, 113.2271]] });
    const otherZone = aRoad({ id: 'R4', zoneId: 'shanyang', latitude: 35.2400, longitude: 113.2270 });
    expect(nearestRoad([far, line, otherZone], { lat: 35.2400, lon: 113.2270, zoneId: 'jiefang' })?.road.id).toBe('R3');
    expect(nearestRoad([far, line, otherZone], { lat: 35.2400, lon: 113.2270 })?.road.id).toBe('R4');
  });
});

describe('the team a citizen case is booked on', () => {
  it('takes the first fitting pass some free, certified crew and ready vehicle can do', () => {
    const crews = [aCrew({ id: 'C1', certified: ['plough'] })];
    const vehicles = [aVehicle({ id: 'V1', class: 'spreader' }), aVehicle({ id: 'V2', class: 'plough' })];
    const choice = chooseCaseTeam({ road: bridge, passes: ['spreader', 'plough'], crews, vehicles, busy: free });
    expect(choice).toMatchObject({ ok: true, pass: 'plough', crew: { id: 'C1' }, vehicle: { id: 'V2' } });
  });

  it('prefers a crew of the road\'s own zone over one lent from another', () => {
    const crews = [aCrew({ id: 'C-lent', zoneId: 'shanyang' }), aCrew({ id: 'C-own', zoneId: 'jiefang' })];
    const choice = chooseCaseTeam({ road: bridge, passes: ['plough'], crews, vehicles: [aVehicle({ id: 'V1' })], busy: free });
    expect(choice).toMatchObject({ ok: true, crew: { id: 'C-own' } });
  });

  it('never books a crew or vehicle already booked, nor a chloride spreader on an agent-free road, and says why it waits', () => {
    const crews = [aCrew({ id: 'C1', certified: ['spreader'] }), aCrew({ id: 'C2', certified: ['spreader'] })];
    const vehicles = [aVehicle({ id: 'V1', class: 'spreader', chlorideAgent: true }), aVehicle({ id: 'V2', class: 'spreader', status: 'maintenance' }), aVehicle({ id: 'V3', class: 'spreader' })];
    const choice = chooseCaseTeam({ road: bridge, passes: ['spreader'], crews, vehicles, busy: { crewIds: new Set(['C1', 'C2']), vehicleIds: new Set() } });
    expect(choice).toEqual({ ok: false, reason: 'no free crew certified for spreader with a ready vehicle; the case waits for one' });
    const freed = chooseCaseTeam({ road: bridge, passes: ['spreader'], crews, vehicles, busy: { crewIds: new Set(['C1']), vehicleIds: new Set(['V3']) } });
    expect(freed).toMatchObject({ ok: false });
  });
});
