import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../functions/core/log/LogEntry.ts';
import type { ActivationWithEvidence } from '../../../functions/core/operations/ActivationWithEvidence.ts';
import { buildAfterAction } from '../../../functions/core/reports/buildAfterAction.ts';
import { cityPlanSchema, type CityPlan } from '../../../functions/core/registry/CityPlan.ts';

const plan: CityPlan = cityPlanSchema.parse({
  id: 'p', city: 'Testville', timeZone: 'Asia/Shanghai', defaultLanguage: 'en', activationPolicy: 'auto', blizzardThresholds: [{ level: 'IV', windowHours: 12, waterMm: 4 }],
  tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] }, shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 0, dutyOfficerPhone: '+8613900000000',
});
const activation: ActivationWithEvidence = { id: 'act-1', level: 'II', zoneLevels: { z: 'II' }, status: 'open', openedAt: '2026-12-14T00:00:00.000Z', openedBy: 'officer-li', reason: 'blizzard', evidenceCount: 0, wave: 1, evidence: [] };

const shortfall = (at: string, roadId: string, pass: string, tier: number, laneKm: number): LogEntry => ({
  activationId: 'act-1', at, actor: 'planner', action: 'road.shortfall', subject: `road:${roadId}`, details: { road: roadId, tier, pass, laneKm }, reason: 'no free crew',
});

describe('buildAfterAction shortfalls', () => {
  it('counts each road pass once, when first reported, however often later plans reported it again', () => {
    const log = [
      shortfall('2026-12-14T00:01:00.000Z', 'bridge', 'plough', 1, 2),
      shortfall('2026-12-14T00:01:00.000Z', 'bridge', 'spread', 1, 2),
      shortfall('2026-12-14T00:02:00.000Z', 'lane', 'plough', 2, 1.5),
      // A replacement plan after a "9" and an upgrade re-reported what was still short.
      shortfall('2026-12-14T00:30:00.000Z', 'bridge', 'plough', 1, 2),
      shortfall('2026-12-14T00:45:00.000Z', 'bridge', 'plough', 1, 2),
      shortfall('2026-12-14T00:45:00.000Z', 'lane', 'plough', 2, 1.5),
    ];

    const report = buildAfterAction({ plan, activation, tasks: [], log, systemLog: [], roads: [], now: '2026-12-14T01:00:00.000Z', preparedBy: 'manager-wu' });

    expect(report.shortfalls.count).toBe(3);
    expect(report.shortfalls.laneKmByTier).toEqual({ 1: 4, 2: 1.5, 3: 0 });
    expect(report.shortfalls.items.map((s) => [s.roadId, s.pass, s.at])).toEqual([
      ['bridge', 'plough', '2026-12-14T00:01:00.000Z'], ['bridge', 'spread', '2026-12-14T00:01:00.000Z'], ['lane', 'plough', '2026-12-14T00:02:00.000Z'],
    ]);
  });
});
