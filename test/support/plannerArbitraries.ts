import fc from 'fast-check';
import { EQUIPMENT_CLASSES, type EquipmentClass } from '../../functions/core/registry/EquipmentClass.ts';
import { cityPlanSchema, type CityPlan } from '../../functions/core/registry/CityPlan.ts';
import type { Crew } from '../../functions/core/registry/Crew.ts';
import type { Road } from '../../functions/core/registry/Road.ts';
import type { Vehicle } from '../../functions/core/registry/Vehicle.ts';
import type { Zone } from '../../functions/core/registry/Zone.ts';
import type { PlannerInput } from '../../functions/core/planner/PlannerInput.ts';

export const PLAN: CityPlan = cityPlanSchema.parse({
  id: 'prop', city: '焦作市', timeZone: 'Asia/Shanghai', defaultLanguage: 'zh-CN', activationPolicy: 'auto',
  blizzardThresholds: [{ level: 'IV', windowHours: 12, waterMm: 4 }],
  tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] },
  shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 30, dutyOfficerPhone: '+8613900390000',
});

const ZONES: Zone[] = [
  { id: 'jiefang', name: '解放区', responsibleUnit: '解放区环卫所', latitude: 35.24, longitude: 113.227, providers: ['open-meteo'] },
  { id: 'shanyang', name: '山阳区', responsibleUnit: '山阳区环卫所', latitude: 35.214, longitude: 113.262, providers: ['open-meteo'] },
  { id: 'macun', name: '马村区', responsibleUnit: '马村区环卫所', latitude: 35.26, longitude: 113.321, providers: ['open-meteo'] },
];

// Ploughs and spreaders are most of a fleet and of the passes, so teams form often.
const cls = fc.constantFrom<EquipmentClass>('plough', 'plough', 'plough', 'spreader', 'spreader', 'spreader', ...EQUIPMENT_CLASSES);
const zoneIndex = fc.constantFrom(0, 0, 1, 1, 2);
const offset = fc.double({ min: -0.03, max: 0.03, noNaN: true });

const roadArb = fc.record({
  zone: zoneIndex, tier: fc.constantFrom<1 | 2 | 3>(1, 2, 3), laneKm: fc.double({ min: 0.3, max: 9, noNaN: true }),
  dLat: offset, dLon: offset, passes: fc.uniqueArray(cls, { minLength: 1, maxLength: 3 }), agentAllowed: fc.boolean(),
  line: fc.option(fc.tuple(offset, offset), { nil: undefined }),
});
const vehicleArb = fc.record({
  zone: zoneIndex, class: cls, status: fc.constantFrom<Vehicle['status']>('ready', 'ready', 'ready', 'maintenance', 'out-of-service', 'assigned'),
  rate: fc.double({ min: 2, max: 20, noNaN: true }), chloride: fc.boolean(), capacity: fc.option(fc.double({ min: 2, max: 30, noNaN: true }), { nil: undefined }),
});
const crewArb = fc.record({
  zone: zoneIndex, certified: fc.uniqueArray(cls, { minLength: 1, maxLength: 3 }),
  shift: fc.option(fc.constantFrom({ start: '07:00', end: '19:00' }, { start: '08:00', end: '12:00' }, { start: '20:00', end: '06:00' }), { nil: undefined, freq: 3 }),
  hoursWorked: fc.option(fc.integer({ min: 0, max: 13 }), { nil: undefined, freq: 3 }),
});

/** Small random cities: roads of every tier, vehicles in every state, crews with shifts and rest, some booked. */
export const plannerInputArb: fc.Arbitrary<PlannerInput> = fc.record({
  roads: fc.array(roadArb, { minLength: 3, maxLength: 14 }),
  vehicles: fc.array(vehicleArb, { minLength: 3, maxLength: 10 }),
  crews: fc.array(crewArb, { minLength: 2, maxLength: 8 }),
  busyCrews: fc.array(fc.nat(7), { maxLength: 2 }),
  busyVehicles: fc.array(fc.nat(9), { maxLength: 2 }),
  levels: fc.array(fc.constantFrom('none', 'IV', 'III', 'II', 'I', 'I'), { minLength: ZONES.length, maxLength: ZONES.length }),
  startHourUtc: fc.integer({ min: 0, max: 23 }),
}).map((r) => {
  const roads: Road[] = r.roads.map((x, i) => {
    const z = ZONES[x.zone]!;
    const lat = z.latitude + x.dLat;
    const lon = z.longitude + x.dLon;
    return {
      id: `R${i}`, name: `路${i}`, zoneId: z.id, tier: x.tier, laneKm: Math.round(x.laneKm * 10) / 10 || 0.3, latitude: lat, longitude: lon,
      passes: x.passes, agentAllowed: x.agentAllowed, ...(x.line ? { line: [[lat, lon], [lat + x.line[0], lon + x.line[1]]] as [number, number][] } : {}),
    };
  });
  const vehicles: Vehicle[] = r.vehicles.map((x, i) => ({
    id: `V${i}`, label: `豫H${i}`, class: x.class, zoneId: ZONES[x.zone]!.id, depot: `${ZONES[x.zone]!.name}车场`, status: x.status,
    workRateLaneKmPerH: x.rate, chlorideAgent: x.class === 'spreader' && x.chloride, ...(x.capacity ? { materialCapacityLaneKm: x.capacity } : {}),
  }));
  const crews: Crew[] = r.crews.map((x, i) => ({
    id: `C${i}`, name: `班组${i}`, zoneId: ZONES[x.zone]!.id, depot: `${ZONES[x.zone]!.name}车场`, size: 4,
    leader: { name: `组长${i}`, phone: `+8613900391${String(i).padStart(3, '0')}`, language: 'zh-CN' },
    backup: { name: `副组长${i}`, phone: `+8613900392${String(i).padStart(3, '0')}`, language: 'zh-CN' },
    certified: x.certified, ...(x.shift ? { shift: x.shift } : {}), ...(x.hoursWorked !== undefined ? { hoursWorked: x.hoursWorked } : {}),
  }));
  return {
    plan: PLAN, zones: ZONES, roads, crews, vehicles,
    zoneLevels: Object.fromEntries(ZONES.map((z, i) => [z.id, r.levels[i]!])) as PlannerInput['zoneLevels'],
    startAt: new Date(Date.UTC(2026, 11, 14, r.startHourUtc)),
    busyCrewIds: new Set(r.busyCrews.map((i) => `C${i}`)),
    busyVehicleIds: new Set(r.busyVehicles.map((i) => `V${i}`)),
  } satisfies PlannerInput;
});
