import { describe, expect, it } from 'vitest';
import type { Task } from '../../../functions/core/operations/Task.ts';
import type { Road } from '../../../functions/core/registry/Road.ts';
import { openingPasses, roadCoveredAt, tierCoverage } from '../../../functions/core/reports/tierCoverage.ts';

const road = (id: string, tier: 1 | 2 | 3, laneKm: number, passes: Road['passes']): Road => ({ id, name: id, zoneId: 'z', tier, laneKm, latitude: 0, longitude: 0, passes, agentAllowed: true });
const task = (code: string, roadId: string, pass: Task['pass'], state: Task['state'] = 'dispatched', updatedAt = '2026-12-14T00:00:00.000Z'): Task => ({
  id: code, code, activationId: 'a', roadId, roadName: roadId, zoneId: 'z', tier: 1, pass, laneKm: 1, crewId: 'c', vehicleId: 'v', vehicleLabel: 'v', depot: 'd', sequence: 1, startBy: updatedAt, passableAt: updatedAt, state, wave: 1, updatedAt,
});
const OPENED = '2026-12-14T00:00:00.000Z';
const h = (hours: number) => new Date(Date.parse(OPENED) + hours * 3_600_000).toISOString();

describe('openingPasses', () => {
  it('leaves out the clean-after passes (loader, sweeper)', () => expect(openingPasses(road('r', 1, 1, ['spreader', 'plough', 'loader']))).toEqual(['spreader', 'plough']));
  it('keeps them when a road has nothing else', () => expect(openingPasses(road('r', 3, 1, ['sweeper']))).toEqual(['sweeper']));
});

describe('roadCoveredAt', () => {
  const r = road('r', 1, 5, ['spreader', 'plough', 'loader']);
  it('is when the last opening pass was done', () => {
    const done = new Map([['T1', h(1)], ['T2', h(3)]]);
    expect(roadCoveredAt(r, [task('T1', 'r', 'spreader'), task('T2', 'r', 'plough')], (t) => done.get(t.code) ?? null)).toBe(h(3));
  });
  it('is null while an opening pass is not done', () => {
    expect(roadCoveredAt(r, [task('T1', 'r', 'spreader'), task('T2', 'r', 'plough')], (t) => (t.code === 'T1' ? h(1) : null))).toBeNull();
  });
  it('is null when an opening pass was never tasked (a shortfall)', () => {
    expect(roadCoveredAt(r, [task('T1', 'r', 'spreader')], () => h(1))).toBeNull();
  });
});

describe('tierCoverage', () => {
  const roads = [road('a', 1, 6, ['plough']), road('b', 1, 4, ['plough']), road('c', 2, 10, ['plough'])];
  const tasks = [task('Ta', 'a', 'plough'), task('Tb', 'b', 'plough'), task('Tc', 'c', 'plough')];
  const base = { level: 'II' as const, targets: undefined, openedAt: OPENED, roadsInScope: roads, tasks };

  it('meets a tier whose every road is passable by the target (defaults: tier 1 in 6 h at level II)', () => {
    const done = new Map([['Ta', h(2)], ['Tb', h(5.5)]]);
    const [tier1] = tierCoverage({ ...base, periodEnd: h(8), ongoing: false, doneAt: (t) => done.get(t.code) ?? null });
    expect(tier1).toMatchObject({ tier: 1, laneKmInScope: 10, laneKmCovered: 10, percentCovered: 100, targetHours: 6, laneKmCoveredByTarget: 10, met: true, fullyCoveredAt: h(5.5) });
    expect(tier1!.timeline).toEqual([{ at: h(2), hours: 2, laneKm: 6, percent: 60 }, { at: h(5.5), hours: 5.5, laneKm: 10, percent: 100 }]);
  });

  it('misses a target reached only after the target time', () => {
    const done = new Map([['Ta', h(2)], ['Tb', h(7)]]);
    const [tier1] = tierCoverage({ ...base, periodEnd: h(8), ongoing: false, doneAt: (t) => done.get(t.code) ?? null });
    expect(tier1).toMatchObject({ laneKmCoveredByTarget: 6, percentCoveredByTarget: 60, met: false });
  });

  it('leaves a target still ahead of an open activation undecided', () => {
    const [, tier2] = tierCoverage({ ...base, periodEnd: h(3), ongoing: true, doneAt: () => null });
    expect(tier2).toMatchObject({ tier: 2, targetHours: 12, met: null });
  });

  it('counts a stood-down activation short of its target as missed', () => {
    const [, tier2] = tierCoverage({ ...base, periodEnd: h(3), ongoing: false, doneAt: () => null });
    expect(tier2!.met).toBe(false);
  });

  it('uses the plan\'s own targets when it has them', () => {
    const targets = { IV: { 1: 1, 2: 1, 3: 1 }, III: { 1: 1, 2: 1, 3: 1 }, II: { 1: 3, 2: 9, 3: 1 }, I: { 1: 1, 2: 1, 3: 1 } };
    const [tier1, tier2] = tierCoverage({ ...base, targets, periodEnd: h(1), ongoing: true, doneAt: () => null });
    expect([tier1!.targetHours, tier2!.targetHours]).toEqual([3, 9]);
    expect(tier1!.targetAt).toBe(h(3));
  });

  it('ignores completions after the end of the operational period', () => {
    const [tier1] = tierCoverage({ ...base, periodEnd: h(1), ongoing: false, doneAt: () => h(2) });
    expect(tier1!.laneKmCovered).toBe(0);
  });
});
