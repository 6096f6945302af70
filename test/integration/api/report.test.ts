import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HourlyForecast } from '../../../functions/core/forecast/HourlyForecast.ts';
import { pollCity } from '../../../functions/core/poll/pollCity.ts';
import type { ForecastProvider } from '../../../functions/core/ports/ForecastProvider.ts';
import { afterActionReportSchema, type AfterActionReport } from '../../../functions/core/reports/AfterActionReport.ts';
import { CMA_BLIZZARD_THRESHOLDS, cityPlanSchema } from '../../../functions/core/registry/CityPlan.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import type { CityFile } from '../../../local/city/cityFileSchema.ts';
import type { CaseEvent } from '../../../functions/core/citizen/CitizenCase.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { aCitizenCase } from '../../support/builders/citizenCase.ts';

/**
 * A city small enough that the plan is known by hand: five ploughs with certified crews at one
 * depot, six roads at that depot. Tier 1: R1 (10 lane-km), R2 (10), R4 (4, needs a snow-melter nobody
 * has: short). Tier 2: R3 (6), R5 (5), R6 (3). Every plough road is tasked whichever team the
 * planner picks, and each reply names its task's code, so the figures below hold for any grouping.
 */
const road = (id: string, tier: 1 | 2 | 3, laneKm: number, pass: 'plough' | 'snow-melter') => ({ id, name: `Road ${id}`, zoneId: 'z1', tier, laneKm, latitude: 35, longitude: 113, passes: [pass], agentAllowed: true });
const TESTVILLE: CityFile = {
  plan: cityPlanSchema.parse({
    id: 'testville-2026', city: 'Testville', timeZone: 'Asia/Shanghai', defaultLanguage: 'en', activationPolicy: 'propose',
    blizzardThresholds: CMA_BLIZZARD_THRESHOLDS, tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] },
    shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 0, dutyOfficerPhone: '+8613900000000',
    timeTargetsHours: { IV: { 1: 2, 2: 6, 3: 12 }, III: { 1: 4, 2: 8, 3: 16 }, II: { 1: 6, 2: 12, 3: 24 }, I: { 1: 6, 2: 16, 3: 24 } },
  }),
  zones: [{ id: 'z1', name: 'Centre', responsibleUnit: 'Centre sanitation unit', latitude: 35, longitude: 113, providers: ['scripted'] }],
  depots: [],
  roads: [road('R1', 1, 10, 'plough'), road('R2', 1, 10, 'plough'), road('R3', 2, 6, 'plough'), road('R4', 1, 4, 'snow-melter'), road('R5', 2, 5, 'plough'), road('R6', 2, 3, 'plough')],
  crews: [1, 2, 3, 4, 5].map((n) => ({
    id: `C${n}`, name: `Crew ${n}`, zoneId: 'z1', depot: 'D', size: 3, certified: ['plough' as const],
    leader: { name: `Leader ${n}`, phone: `+861380000000${n}`, language: 'en' as const },
    backup: { name: `Backup ${n}`, phone: `+861390000000${n}`, language: 'en' as const },
  })),
  vehicles: [1, 2, 3, 4, 5].map((n) => ({ id: `V${n}`, label: `PL-${n}`, class: 'plough' as const, zoneId: 'z1', depot: 'D', status: 'ready' as const, workRateLaneKmPerH: 10, chlorideAgent: false })),
};

const T0 = new Date('2026-12-14T00:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

/** 2 mm of snow water an hour for 6 hours: 12 mm in 6 h, level II by the CMA criteria. */
class ScriptedForecast implements ForecastProvider {
  readonly name = 'scripted';
  async fetch(): Promise<HourlyForecast> {
    return { provider: 'scripted', latitude: 35, longitude: 113, fetchedAt: T0.toISOString(), hours: Array.from({ length: 12 }, (_, i) => ({ time: at(60 * i), snowWaterMm: i < 6 ? 2 : 0, snowfallCm: null, precipitationMm: null, temperatureC: -3, snowDepthCm: null })) };
  }
}

/** Moves the scripted clock to `minutes` after T0. */
function clockTo(h: MemoryApiHarness, minutes: number): void {
  h.clock.advance((T0.getTime() + minutes * 60_000 - h.clock.now().getTime()) / 60_000);
}

/**
 * The leader holding `roadId`'s task replies `body` for that task alone (with its code), so the figures
 * do not depend on how the planner grouped roads into teams.
 */
async function reply(h: MemoryApiHarness, activationId: string, minutes: number, roadId: string, body: string): Promise<void> {
  clockTo(h, minutes);
  const task = (await h.deps.tasks.listTasks(activationId)).find((t) => t.roadId === roadId);
  if (!task) throw new Error(`no task for ${roadId}`);
  const crew = TESTVILLE.crews.find((c) => c.id === task.crewId)!;
  await handleReply(h.deps, { inboundMessageId: `in-${minutes}-${roadId}`, from: crew.leader.phone, body: `${body} ${task.code}` });
}

describe('after-action report of a scripted activation whose true figures are known', () => {
  let h: MemoryApiHarness;
  let id: string;
  let report: AfterActionReport;
  beforeAll(async () => {
    h = await memoryApiHarness({ start: T0, city: TESTVILLE });
    await pollCity({ ...h.deps, providers: new Map([['scripted', new ScriptedForecast()]]) }); // t0: level II proposed
    clockTo(h, 12);
    id = (await h.call('POST', '/activations', { body: { level: 'II', reason: 'proposal accepted: 12 mm in 6 h' } })).json.activation.id; // activation + dispatch at 12
    await reply(h, id, 14, 'R1', '1'); // acknowledged 2 min after dispatch
    await reply(h, id, 16, 'R2', '1'); // 4
    await reply(h, id, 19, 'R3', '1'); // 7
    await reply(h, id, 23, 'R5', '1'); // 11; crew 5 never answers
    await reply(h, id, 102, 'R1', '3'); // R1 (tier 1, 10 km) passable 1.5 h after activation
    await reply(h, id, 212, 'R3', '3'); // R3 (tier 2, 6 km) at 3.33 h
    await reply(h, id, 312, 'R2', '3'); // R2 (tier 1, 10 km) at 5 h
    // Citizen reports: one filed during the activation, closed in 130 minutes and rated 4; one before it and one after it (not counted).
    const cases = h.stores.cases;
    const steps = (...pairs: [CaseEvent['step'], number][]): CaseEvent[] => pairs.map(([step, m]) => ({ step, at: at(m) }));
    await cases.create(aCitizenCase({ id: 'r-during', submittedAt: at(20), state: 'closed', rating: 4, history: steps(['submit', 20], ['register', 25], ['dispatch', 30], ['handle', 140], ['verify', 150]) }));
    await cases.create(aCitizenCase({ id: 'r-before', submittedAt: at(5), category: 'other', history: steps(['submit', 5]) }));
    await cases.create(aCitizenCase({ id: 'r-after', submittedAt: at(435), category: 'meltwater', history: steps(['submit', 435]) }));
    clockTo(h, 432);
    await h.call('POST', `/activations/${id}/stand-down`, { body: { reason: 'snow over, roads open' } }); // 7 h after activation
    clockTo(h, 442);
    const res = await h.call('GET', `/activations/${id}/report`, { as: 'manager' });
    expect(res.status).toBe(200);
    report = afterActionReportSchema.parse(res.json);
  });

  it('dates the trigger to the poll that first crossed a threshold, with its evidence', () => {
    expect(report.trigger.at).toBe(at(0));
    expect(report.trigger.evidence.map((e) => e.level)).toContain('II');
  });

  it('counts 12 minutes to activate and 0 to first and last dispatch, one SMS per crew tasked', async () => {
    const crews = new Set((await h.deps.tasks.listTasks(id)).map((t) => t.crewId));
    expect(report.timings).toMatchObject({ minutesToActivate: 12, minutesToFirstDispatch: 0, minutesToLastDispatch: 0, firstDispatchAt: at(12) });
    expect(report.messages).toEqual({ sent: crews.size, failed: 0 });
  });

  it('finds a median of 5.5 and a p90 of 11 minutes to acknowledge, with one task unanswered', () => {
    expect(report.acknowledgement).toEqual({ dispatchedTasks: 5, acknowledged: 4, refused: 0, unanswered: 1, medianMinutes: 5.5, p90Minutes: 11 });
  });

  it('reports the one road pass left short, on tier 1', () => {
    expect(report.shortfalls.count).toBe(1);
    expect(report.shortfalls.laneKmByTier).toEqual({ 1: 4, 2: 0, 3: 0 });
    expect(report.shortfalls.items[0]).toMatchObject({ roadId: 'R4', pass: 'snow-melter', tier: 1 });
  });

  it('has tier 1 at 20 of 24 lane-km by its 6 h target, so the target is missed', () => {
    const tier1 = report.coverage.find((c) => c.tier === 1)!;
    expect(tier1).toMatchObject({ laneKmInScope: 24, laneKmCovered: 20, targetHours: 6, targetAt: at(12 + 360), laneKmCoveredByTarget: 20, percentCoveredByTarget: 83.3, met: false, fullyCoveredAt: null });
    expect(tier1.timeline.map((p) => [p.hours, p.laneKm])).toEqual([[1.5, 10], [5, 20]]);
  });

  it('has tier 2 at 6 of 14 lane-km when stood down before its 12 h target, so the target is missed', () => {
    const tier2 = report.coverage.find((c) => c.tier === 2)!;
    expect(tier2).toMatchObject({ laneKmInScope: 14, laneKmCovered: 6, targetHours: 12, laneKmCoveredByTarget: 6, percentCoveredByTarget: 42.9, met: false });
    expect(tier2.timeline.map((p) => p.hours)).toEqual([3.333]);
  });

  it('records the stand-down and the tasks it cancelled', () => {
    expect(report.standDown).toEqual({ at: at(432), by: 'officer-demo', reason: 'snow over, roads open' });
    expect(report.operationalPeriod).toEqual({ from: at(12), to: at(432), ongoing: false });
    expect(report.tasksByState).toMatchObject({ done: 3, cancelled: 2, dispatched: 0, acknowledged: 0 });
  });

  it('gives the figures of the citizen reports filed during the operational period, against the plan\'s 72 h target', () => {
    expect(report.citizen).toEqual({
      targetHours: 72, cases: 1, byCategory: { 'icy-road': 1, 'uncleared-snow': 0, 'blocked-access': 0, meltwater: 0, 'fallen-branch': 0, other: 0 },
      medianMinutes: { register: 5, dispatch: 10, close: 130 }, closureRate: 1, onTimeRate: 1, satisfaction: { ratings: 1, mean: 4 },
    });
  });

  it('exports the log as CSV: a header, one row per entry, quoted where needed, phones masked', async () => {
    const res = await h.call('GET', `/activations/${id}/log.csv`, { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text.startsWith('\uFEFFtime_utc,time_local,actor,action,subject,reason,details\r\n')).toBe(true);
    const rows = res.text.slice(1).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength((await h.deps.log.list(id)).length + 1);
    expect(res.text).not.toMatch(/\+86\d{11}/);
    // details are JSON in one quoted cell, its quotes doubled
    expect(rows[1]).toMatch(/,activation\.opened,.*,"\{.*""level"":""II"".*\}"$/);
  });

  it('prints an ICS-214 activity log with the coverage chart against the targets', async () => {
    const res = await h.call('GET', `/activations/${id}/report.html`, { as: 'manager' });
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const block of ['1. Incident Name', '2. Operational Period', '6. Resources Assigned', '7. Activity Log', '8. Prepared by']) expect(res.text).toContain(block);
    expect(res.text).toContain('<svg');
    expect(res.text).toContain('data-target-tier="1"');
    const booked = (await h.deps.tasks.listTasks(id))[0]!;
    const leader = TESTVILLE.crews.find((c) => c.id === booked.crewId)!.leader;
    expect(res.text).toContain(`${leader.name} +86 138****${leader.phone.slice(-4)}`);
    expect(res.text).toContain('manager-demo');
    expect(res.text).toContain('<td>Citizen reports 市民上报</td><td>1 case (icy-road 1); median minutes to register / dispatch / close 5 / 10 / 130; closure rate 100%; on time 100% (target 72 h); satisfaction 4.0 of 5 (1 rated)</td>');
    expect(res.text).not.toMatch(/\+86\d{11}/);
  });

  it.each(['officer', 'admin'] as const)('lets %s read the report', async (as) => {
    expect((await h.call('GET', `/activations/${id}/report`, { as })).status).toBe(200);
  });

  it.each([['nobody', 403], ['none', 401]] as const)('refuses %s with %i on every export', async (as, status) => {
    for (const path of ['report', 'report.html', 'log.csv']) expect((await h.call('GET', `/activations/${id}/${path}`, { as })).status).toBe(status);
  });

  it('serves the printable report with a strict Content-Security-Policy: nothing loads, no script runs, only its own style applies', async () => {
    const res = await h.call('GET', `/activations/${id}/report.html`, { as: 'manager' });
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 for the report of an unknown activation', async () => {
    expect((await h.call('GET', '/activations/act-nope/report')).status).toBe(404);
  });
});
