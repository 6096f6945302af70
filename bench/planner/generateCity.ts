import { cityPlanSchema, type CityPlan } from '../../functions/core/registry/CityPlan.ts';
import type { Crew } from '../../functions/core/registry/Crew.ts';
import type { Depot } from '../../functions/core/registry/Depot.ts';
import type { EquipmentClass } from '../../functions/core/registry/EquipmentClass.ts';
import type { Road } from '../../functions/core/registry/Road.ts';
import type { Vehicle } from '../../functions/core/registry/Vehicle.ts';
import type { Zone } from '../../functions/core/registry/Zone.ts';
import type { PlannerInput } from '../../functions/core/planner/PlannerInput.ts';
import { seededRandom } from '../../functions/core/planner/random.ts';

export type BenchSize = 'small' | 'medium' | 'large' | 'x2' | 'x4' | 'xlarge';

/** The sizes: roads and crews (vehicles: 1.5 per crew). */
export const SIZES: Record<BenchSize, { roads: number; crews: number; vehicles: number; zones: number; seed: number }> = {
  small: { roads: 50, crews: 10, vehicles: 15, zones: 2, seed: 101 },
  medium: { roads: 500, crews: 60, vehicles: 90, zones: 6, seed: 202 },
  large: { roads: 5000, crews: 400, vehicles: 600, zones: 40, seed: 303 },
  // Between: for bench:storm -- --scale 2 / 4, to try a change at 50,000 roads' shape for less time.
  x2: { roads: 10_000, crews: 800, vehicles: 1200, zones: 80, seed: 505 },
  x4: { roads: 20_000, crews: 1600, vehicles: 2400, zones: 160, seed: 606 },
  // A province, or Beijing: ten times large, on a grid of 400 zones (80 km across).
  xlarge: { roads: 50_000, crews: 4000, vehicles: 6000, zones: 400, seed: 404 },
};

const CENTRE = { lat: 35.24, lon: 113.24 };
const ZONE_KM = 4;
const KM_LAT = 1 / 111;
const KM_LON = 1 / (111 * Math.cos((CENTRE.lat * Math.PI) / 180));

const CLASS_MIX: [EquipmentClass, number][] = [['plough', 0.36], ['spreader', 0.24], ['snow-melter', 0.1], ['loader', 0.1], ['sweeper', 0.2]];
const RATES: Record<EquipmentClass, [number, number]> = { plough: [12, 16], spreader: [16, 22], 'snow-melter': [5, 7], loader: [3, 5], sweeper: [6, 9] };

/**
 * A seeded, city-like instance: zones on a grid (4 km across), a depot per zone, roads with tiers,
 * lengths, passes and agent rules like the demo city's, vehicles in every state, crews with two
 * certifications, some on day shifts or part-rested. Level I everywhere: every tier in scope.
 */
export function generateCity(size: BenchSize): PlannerInput {
  const spec = SIZES[size];
  const random = seededRandom(spec.seed);
  const between = (a: number, b: number) => a + (b - a) * random();
  const pick = <T>(items: readonly [T, number][]): T => {
    let u = random() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) { u -= w; if (u <= 0) return item; }
    return items[items.length - 1]![0];
  };
  const side = Math.ceil(Math.sqrt(spec.zones));
  const zones: Zone[] = [];
  const depots: Depot[] = [];
  for (let z = 0; z < spec.zones; z++) {
    const lat = CENTRE.lat + ((Math.floor(z / side) - side / 2) * ZONE_KM) * KM_LAT;
    const lon = CENTRE.lon + (((z % side) - side / 2) * ZONE_KM) * KM_LON;
    const id = `z${String(z + 1).padStart(2, '0')}`;
    zones.push({ id, name: `区${z + 1}`, responsibleUnit: `区${z + 1}环卫所`, latitude: lat, longitude: lon, providers: ['open-meteo'] });
    depots.push({ id: `${id}-depot`, name: `区${z + 1}车场`, zoneId: id, latitude: lat + between(-0.6, 0.6) * KM_LAT, longitude: lon + between(-0.6, 0.6) * KM_LON });
  }
  const inZone = (z: Zone) => ({ lat: z.latitude + between(-ZONE_KM / 2, ZONE_KM / 2) * KM_LAT, lon: z.longitude + between(-ZONE_KM / 2, ZONE_KM / 2) * KM_LON });

  const roads: Road[] = [];
  for (let i = 0; i < spec.roads; i++) {
    const zone = zones[i % zones.length]!;
    const tier = pick<1 | 2 | 3>([[1, 0.25], [2, 0.35], [3, 0.4]]);
    const laneKm = Math.round((tier === 1 ? between(2.5, 8) : tier === 2 ? between(1.5, 5) : between(0.6, 2.5)) * 10) / 10;
    const bridge = tier === 1 && random() < 0.12;
    const passes: EquipmentClass[] = bridge ? ['snow-melter', 'spreader']
      : tier === 1 ? (random() < 0.2 ? ['spreader', 'plough', 'loader'] : ['spreader', 'plough'])
      : tier === 2 ? (random() < 0.3 ? ['spreader', 'plough'] : ['plough'])
      : [random() < 0.7 ? 'sweeper' : 'plough'];
    const p = inZone(zone);
    const road: Road = {
      id: `R${String(i + 1).padStart(5, '0')}`, name: `路${i + 1}`, zoneId: zone.id, tier, laneKm: bridge ? Math.min(laneKm, 1.5) : laneKm,
      latitude: p.lat, longitude: p.lon, passes, agentAllowed: tier < 3 && random() > 0.08,
    };
    if (tier === 1 && !bridge && random() < 0.5) {
      const half = (laneKm / 4) * (random() < 0.5 ? KM_LAT : KM_LON);
      road.line = random() < 0.5 ? [[p.lat - half, p.lon], [p.lat + half, p.lon]] : [[p.lat, p.lon - half], [p.lat, p.lon + half]];
    }
    roads.push(road);
  }

  const vehicles: Vehicle[] = [];
  for (let i = 0; i < spec.vehicles; i++) {
    const zone = zones[i % zones.length]!;
    const cls = pick(CLASS_MIX);
    const [lo, hi] = RATES[cls];
    const status = pick<Vehicle['status']>([['ready', 0.85], ['maintenance', 0.1], ['out-of-service', 0.05]]);
    vehicles.push({
      id: `V${String(i + 1).padStart(4, '0')}`, label: `豫H${String(i + 1).padStart(4, '0')}`, class: cls, zoneId: zone.id, depot: `${zone.id}-depot`,
      status, workRateLaneKmPerH: Math.round(between(lo, hi) * 10) / 10, chlorideAgent: cls === 'spreader' && random() < 0.7,
      ...(cls === 'spreader' ? { materialCapacityLaneKm: Math.round(between(18, 30)) } : cls === 'snow-melter' ? { materialCapacityLaneKm: Math.round(between(6, 10)) } : {}),
    });
  }

  const crews: Crew[] = [];
  for (let i = 0; i < spec.crews; i++) {
    const zone = zones[i % zones.length]!;
    const first = pick(CLASS_MIX);
    let second = pick(CLASS_MIX);
    while (second === first) second = pick(CLASS_MIX);
    const phone = `+86139${String(10_000_000 + i).slice(-8)}`;
    const roll = random();
    crews.push({
      id: `C${String(i + 1).padStart(4, '0')}`, name: `班组${i + 1}`, zoneId: zone.id, depot: `${zone.id}-depot`, size: 4,
      leader: { name: `组长${i + 1}`, phone, language: 'zh-CN' }, backup: { name: `副组长${i + 1}`, phone: phone.replace('+86139', '+86138'), language: 'zh-CN' },
      certified: [first, second],
      // Some crews' day shift ends before the activation's 8 hours do; some have worked already (rest rule).
      ...(roll < 0.1 ? { shift: { start: '07:00', end: random() < 0.5 ? '13:00' : '14:30' } } : roll < 0.2 ? { hoursWorked: Math.round(between(4, 8)) } : {}),
    });
  }

  const plan: CityPlan = cityPlanSchema.parse({
    id: `bench-${size}`, city: 'bench', timeZone: 'Asia/Shanghai', defaultLanguage: 'zh-CN', activationPolicy: 'auto',
    blizzardThresholds: [{ level: 'IV', windowHours: 12, waterMm: 4 }],
    tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] },
    shiftHours: 8, travelSpeedKmPerH: 25, startLeadMinutes: 30, dutyOfficerPhone: '+8613900390000',
  });
  return {
    plan, zones, depots, roads, crews, vehicles,
    zoneLevels: Object.fromEntries(zones.map((z) => [z.id, 'I'])),
    // 08:00 local: every crew is on shift at the start, so the model has no late starts (which
    // would need big-M rows that make the exact MIP far slower to prove).
    startAt: new Date('2026-12-14T00:00:00Z'),
  };
}
