import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../support/subjects.ts';
import { openActivation } from '../support/records.ts';

const RAISE = { level: 'I' as const, zoneLevels: { z1: 'I' as const }, wave: 2, upgradedAt: '2026-12-14T01:00:00.000Z' };
const EVIDENCE = { rule: 'z1:blizzard-6h', level: 'II' as const, provider: 'open-meteo', value: 12.9, threshold: 10, unit: 'mm snow water', windowHours: 6, from: '2026-12-14T00:00:00.000Z', to: '2026-12-14T06:00:00.000Z', gapHours: 0 };
const CLOSE = { closedAt: '2026-12-14T05:00:00.000Z', closedBy: 'officer', closeReason: 'clear' };

describe.each(SUBJECTS)('ActivationStore: $name', ({ make }) => {
  it('opens one activation and answers exists while it is open', async () => {
    const w = await make();
    const first = await w.activations.createActivation(openActivation('act-1'), []);
    const second = await w.activations.createActivation(openActivation('act-2'), []);
    expect({ first, second, open: (await w.activations.getOpenActivation())?.id }).toEqual({ first: 'created', second: 'exists', open: 'act-1' });
  });

  it('reads back the evidence an activation was opened on whole and in order, and keeps it off the record', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation('act-1', { evidenceCount: 2 }), [EVIDENCE, { ...EVIDENCE, rule: 'z2:blizzard-6h', level: 'I' }]);
    expect({ evidence: await w.activations.getEvidence('act-1'), record: await w.activations.getActivation('act-1') })
      .toEqual({ evidence: [EVIDENCE, { ...EVIDENCE, rule: 'z2:blizzard-6h', level: 'I' }], record: openActivation('act-1', { evidenceCount: 2 }) });
  });

  it('keeps the open activation\'s evidence when a second opening is refused', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation('act-1', { evidenceCount: 1 }), [EVIDENCE]);
    await w.activations.createActivation(openActivation('act-2', { evidenceCount: 1 }), [{ ...EVIDENCE, rule: 'z2:blizzard-12h' }]);
    expect({ open: await w.activations.getEvidence('act-1'), unknown: await w.activations.getEvidence('act-9') }).toEqual({ open: [EVIDENCE], unknown: [] });
  });

  it('lets exactly one of two racing openings win', async () => {
    const w = await make();
    const outcomes = await Promise.all([w.activations.createActivation(openActivation('act-1'), []), w.activations.createActivation(openActivation('act-2'), [])]);
    expect(outcomes.sort()).toEqual(['created', 'exists']);
  });

  it('upgrades an open activation under a new wave and refuses an upgrade from a wave already moved past', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    const first = await w.activations.upgradeActivation('act-1', RAISE, 1);
    const stale = await w.activations.upgradeActivation('act-1', { ...RAISE, level: 'II', zoneLevels: { z1: 'II' } }, 1);
    expect({ first, stale, stored: await w.activations.getActivation('act-1') }).toMatchObject({ first: true, stale: false, stored: { level: 'I', wave: 2, upgradedAt: RAISE.upgradedAt } });
  });

  it('counts an upgrade that landed and then timed out as done', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    w.landNextWriteThenTimeOut();
    expect(await w.activations.upgradeActivation('act-1', RAISE, 1)).toBe(true);
  });

  it('counts a level change that landed and then timed out as done, and refuses one from a level it is not at', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    w.landNextWriteThenTimeOut();
    const changed = await w.activations.changeActivationLevel('act-1', 'II', 'III', { z1: 'III' });
    const stale = await w.activations.changeActivationLevel('act-1', 'II', 'I', { z1: 'I' });
    expect({ changed, stale, level: (await w.activations.getActivation('act-1'))?.level }).toEqual({ changed: true, stale: false, level: 'III' });
  });

  it('closes an open activation once and lets a new one open', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    const first = await w.activations.closeActivation('act-1', CLOSE);
    const second = await w.activations.closeActivation('act-1', CLOSE);
    const next = await w.activations.createActivation(openActivation('act-2'), []);
    expect({ first, second, next, closed: await w.activations.getActivation('act-1') }).toMatchObject({ first: 'closed', second: 'not-open', next: 'created', closed: { status: 'stood-down', ...CLOSE } });
  });

  it('records the progress of a wave and keeps a later wave\'s progress over a slower earlier one', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await w.activations.recordProgress('act-1', { wave: 2, phase: 'booking', at: '2026-12-14T01:00:00.000Z' });
    await w.activations.recordProgress('act-1', { wave: 1, phase: 'active', at: '2026-12-14T01:00:01.000Z', booked: { tasks: 3, crews: 2, laneKmByTier: { 1: 4.5, 2: 0, 3: 0 } }, dispatch: { mode: 'queued' } });
    await w.activations.recordProgress('act-1', { wave: 2, phase: 'active', at: '2026-12-14T01:00:02.000Z', shortfalls: 1, dispatch: { mode: 'queued' } });
    expect((await w.activations.getActivation('act-1'))?.progress).toEqual({ wave: 2, phase: 'active', at: '2026-12-14T01:00:02.000Z', shortfalls: 1, dispatch: { mode: 'queued' } });
  });

  it('abandons an activation whose planning failed so that a retry can open another', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await w.activations.abandonActivation('act-1', '2026-12-14T00:01:00.000Z', 'planning failed');
    expect({ open: await w.activations.getOpenActivation(), retry: await w.activations.createActivation(openActivation('act-2'), []), abandoned: (await w.activations.getActivation('act-1'))?.status })
      .toEqual({ open: undefined, retry: 'created', abandoned: 'stood-down' });
  });

  it('records the planned wave only upwards', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await w.activations.markWavePlanned('act-1', 2);
    await w.activations.markWavePlanned('act-1', 1);
    expect((await w.activations.getActivation('act-1'))?.plannedWave).toBe(2);
  });

  it('counts booking runs up and records the count a finished dispatch had read, only upwards', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    for (let i = 0; i < 3; i++) await w.activations.noteBookingRun('act-1');
    await w.activations.markBookingsDispatched('act-1', 2);
    await w.activations.markBookingsDispatched('act-1', 1);
    const stored = await w.activations.getActivation('act-1');
    expect({ bookingRuns: stored?.bookingRuns, dispatchedBookingRuns: stored?.dispatchedBookingRuns }).toEqual({ bookingRuns: 3, dispatchedBookingRuns: 2 });
  });

  it('notes each crew that refused once, in the order they refused, kept with the activation', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    for (const crew of ['C2', 'C1', 'C2']) await w.activations.noteRefusal('act-1', crew);
    expect((await w.activations.getActivation('act-1'))?.refusedCrewIds).toEqual(['C2', 'C1']);
  });

  it('notes no refusal on an activation that does not exist', async () => {
    const w = await make();
    await w.activations.noteRefusal('act-9', 'C1');
    expect(await w.activations.getActivation('act-9')).toBeUndefined();
  });

  it('counts booking runs that race each other, none lost', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await Promise.all(Array.from({ length: 5 }, () => w.activations.noteBookingRun('act-1')));
    expect((await w.activations.getActivation('act-1'))?.bookingRuns).toBe(5);
  });

  it('lists the most recent activations newest first, as many as asked', async () => {
    const w = await make();
    for (const [id, openedAt] of [['a', '2026-12-01T00:00:00.000Z'], ['b', '2026-12-03T00:00:00.000Z'], ['c', '2026-12-02T00:00:00.000Z']] as const) {
      await w.activations.createActivation(openActivation(id, { openedAt }), []);
      await w.activations.closeActivation(id, CLOSE);
    }
    expect((await w.activations.listActivations(2)).map((a) => a.id)).toEqual(['b', 'c']);
  });
});
