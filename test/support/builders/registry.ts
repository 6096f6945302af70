import type { CityPlan } from '../../../functions/core/registry/CityPlan.ts';
import { CMA_BLIZZARD_THRESHOLDS, cityPlanSchema } from '../../../functions/core/registry/CityPlan.ts';
import type { Crew } from '../../../functions/core/registry/Crew.ts';
import type { Road } from '../../../functions/core/registry/Road.ts';
import type { Vehicle } from '../../../functions/core/registry/Vehicle.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';

/** A valid plan; fields the schema defaults (added later) are filled by the schema itself. */
export function aPlan(overrides: Partial<CityPlan> = {}): CityPlan {
  return cityPlanSchema.parse({
    id: 'test-plan',
    city: '焦作市',
    timeZone: 'Asia/Shanghai',
    defaultLanguage: 'zh-CN',
    activationPolicy: 'auto',
    blizzardThresholds: CMA_BLIZZARD_THRESHOLDS,
    tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] },
    shiftHours: 8,
    travelSpeedKmPerH: 20,
    startLeadMinutes: 30,
    dutyOfficerPhone: '+8613900390000',
    ...overrides,
  });
}

export const JIEFANG: Zone = { id: 'jiefang', name: '解放区', responsibleUnit: '解放区环卫所', latitude: 35.24, longitude: 113.227, providers: ['open-meteo'] };
export const SHANYANG: Zone = { id: 'shanyang', name: '山阳区', responsibleUnit: '山阳区环卫所', latitude: 35.214, longitude: 113.262, providers: ['open-meteo'] };

export function aRoad(overrides: Partial<Road> & Pick<Road, 'id'>): Road {
  return {
    name: `road ${overrides.id}`,
    zoneId: JIEFANG.id,
    tier: 1,
    laneKm: 2,
    latitude: 35.24,
    longitude: 113.227,
    passes: ['plough'],
    agentAllowed: true,
    ...overrides,
  };
}

export function aCrew(overrides: Partial<Crew> & Pick<Crew, 'id'>): Crew {
  return {
    name: `crew ${overrides.id}`,
    zoneId: JIEFANG.id,
    depot: '解放区环卫车场',
    size: 4,
    leader: { name: '王建国', phone: '+8613900391001', language: 'zh-CN' },
    backup: { name: '李卫东', phone: '+8613900392001', language: 'zh-CN' },
    certified: ['plough'],
    ...overrides,
  };
}

export function aVehicle(overrides: Partial<Vehicle> & Pick<Vehicle, 'id'>): Vehicle {
  return {
    label: `豫H${overrides.id}`,
    class: 'plough',
    zoneId: JIEFANG.id,
    depot: '解放区环卫车场',
    status: 'ready',
    workRateLaneKmPerH: 10,
    chlorideAgent: false,
    ...overrides,
  };
}
