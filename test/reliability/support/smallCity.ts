import { cityPlanSchema, type CityPlan } from '../../../functions/core/registry/CityPlan.ts';
import type { Crew } from '../../../functions/core/registry/Crew.ts';
import type { Road } from '../../../functions/core/registry/Road.ts';
import type { Vehicle } from '../../../functions/core/registry/Vehicle.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';

export interface SmallCity {
  plan: CityPlan;
  zones: Zone[];
  roads: Road[];
  crews: Crew[];
  vehicles: Vehicle[];
}

export const DUTY_OFFICER = '+8613900009999';

/**
 * A made-up city small enough to run a whole storm in a second: one zone, five tier-1/2 plough passes (the
 * first half tier 1, unless told),
 * two tier-3 sweeper passes (level I only), four plough crews and one sweeper crew, each with its vehicle.
 * Leader phones +86139001000nn, backups +86139002000nn.
 */
export function smallCity(options: { crews?: number; roads?: number; tier1Roads?: number } = {}): SmallCity {
  const ploughCrews = options.crews ?? 4;
  const ploughRoads = options.roads ?? 5;
  const plan = cityPlanSchema.parse({
    id: 'reliability', city: '可靠市', timeZone: 'Asia/Shanghai', defaultLanguage: 'zh-CN', activationPolicy: 'auto',
    tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] }, shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 30,
    dutyOfficerPhone: DUTY_OFFICER, staleAfterMinutes: 60,
  });
  const zones: Zone[] = [{ id: 'z1', name: '一区', responsibleUnit: '一区环卫所', latitude: 35.2, longitude: 113.2, providers: ['open-meteo'] }];
  const phone = (role: 1 | 2, n: number) => `+8613900${role}000${String(n).padStart(2, '0')}`;
  const crew = (n: number, cls: 'plough' | 'sweeper'): Crew => ({
    id: `C${n}`, name: `环卫${n}班`, zoneId: 'z1', depot: '一号车场', size: 4, certified: [cls],
    leader: { name: `班长${n}`, phone: phone(1, n), language: 'zh-CN' }, backup: { name: `代班${n}`, phone: phone(2, n), language: 'zh-CN' },
  });
  const crews = [...Array.from({ length: ploughCrews }, (_, i) => crew(i + 1, 'plough')), crew(ploughCrews + 1, 'sweeper')];
  const vehicles: Vehicle[] = crews.map((c, i) => ({
    id: `V${i + 1}`, label: `豫H${c.certified[0] === 'plough' ? '铲' : '扫'}${String(i + 1).padStart(3, '0')}`, class: c.certified[0]!, zoneId: 'z1', depot: '一号车场',
    status: 'ready', workRateLaneKmPerH: 10, chlorideAgent: false,
  }));
  const road = (n: number, tier: 1 | 2 | 3, pass: 'plough' | 'sweeper'): Road => ({
    id: `R${n}`, name: `${n}号路`, zoneId: 'z1', tier, laneKm: 2, latitude: 35.2 + n * 0.002, longitude: 113.2, passes: [pass], agentAllowed: true,
  });
  const roads = [
    ...Array.from({ length: ploughRoads }, (_, i) => road(i + 1, i < (options.tier1Roads ?? Math.ceil(ploughRoads / 2)) ? 1 : 2, 'plough')),
    road(ploughRoads + 1, 3, 'sweeper'), road(ploughRoads + 2, 3, 'sweeper'),
  ];
  return { plan, zones, roads, crews, vehicles };
}
