import { describe, expect, it } from 'vitest';
import type { ActivationWithEvidence } from '../../../functions/core/operations/ActivationWithEvidence.ts';
import { buildAfterAction } from '../../../functions/core/reports/buildAfterAction.ts';
import { ics214Html } from '../../../functions/core/reports/ics214Html.ts';
import { cityPlanSchema, type CityPlan } from '../../../functions/core/registry/CityPlan.ts';

const plan: CityPlan = cityPlanSchema.parse({
  id: 'p', city: 'Testville', timeZone: 'Asia/Shanghai', defaultLanguage: 'en', activationPolicy: 'auto', blizzardThresholds: [{ level: 'IV', windowHours: 12, waterMm: 4 }],
  tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] }, shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 0, dutyOfficerPhone: '+8613900000000',
});
const activation: ActivationWithEvidence = { id: 'act-1', level: 'IV', zoneLevels: { z: 'IV' }, status: 'open', openedAt: '2026-12-14T00:00:00.000Z', openedBy: 'officer-li', reason: '<script>alert(1)</script> warning', evidenceCount: 0, wave: 1, evidence: [] };

function html(extraLog: { action: string; details: Record<string, unknown>; actor?: string }[] = []) {
  const log = extraLog.map((e, i) => ({ activationId: 'act-1', at: `2026-12-14T00:0${i}:00.000Z`, actor: e.actor ?? 'system', action: e.action, details: e.details }));
  const report = buildAfterAction({ plan, activation, tasks: [], log, systemLog: [], roads: [{ id: 'r', name: 'Main St', zoneId: 'z', tier: 1, laneKm: 3, latitude: 0, longitude: 0, passes: ['plough'], agentAllowed: true }], now: '2026-12-14T01:00:00.000Z', preparedBy: 'manager-wu' });
  return ics214Html({ report, log, tasks: [], crews: [], zones: [], preparedBy: { name: 'manager-wu', position: 'Manager' } });
}

describe('ics214Html', () => {
  it('has the ICS-214 blocks: incident, operational period, resources, activity log, prepared by', () => {
    const page = html();
    for (const block of ['1. Incident Name', '2. Operational Period', '6. Resources Assigned', '7. Activity Log', '8. Prepared by']) expect(page).toContain(block);
    expect(page).toContain('Testville: snow response, level IV (act-1)');
  });

  it('escapes what people typed, so a reason cannot inject markup', () => {
    const page = html();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
  });

  it('masks a phone that reached the log in clear', () => {
    const page = html([{ action: 'note', details: {}, actor: '+8613812345678' }]);
    expect(page).not.toContain('+8613812345678');
    expect(page).toContain('+86 138****5678');
  });

  it('draws the coverage chart with a target line per tier in scope', () => {
    const page = html();
    expect(page.match(/data-target-tier="\d"/g)).toEqual(['data-target-tier="1"']);
  });
});
