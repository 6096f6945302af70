import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { sweepEscalations } from '../../../functions/core/escalation/sweepEscalations.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';
import { countingWholeActivationReads } from '../../support/wholeActivationReads.ts';

/** The demo city at level I with its wave texted and nobody answering: every crew's case falls due 10 minutes later. */
async function unansweredWave() {
  const city = await demoCityInMemory();
  const zoneLevels = Object.fromEntries(city.city.zones.map((z) => [z.id, 'I' as const]));
  const result = await activate(city.deps, { level: 'I', zoneLevels, actor: 'poller', reason: 'red blizzard signal', evidence: [] });
  await dispatchWave(city.deps, result.activation.id);
  const cases = await city.deps.taskingCases.listTaskingCases(result.activation.id);
  city.clock.advance(10);
  return { city, cases };
}

describe('the escalation sweep at scale (use cases on the in-memory twins)', () => {
  it('takes every due case one step further, page after page, however many pages they fill', async () => {
    const { city, cases } = await unansweredWave();

    const summary = await sweepEscalations(city.deps, { pageSize: 2 });

    expect(cases.length).toBeGreaterThan(4);
    expect(summary.due).toBe(cases.length);
    expect(summary.advanced.map((a) => a.caseId).sort()).toEqual(cases.map((c) => c.id).sort());
    expect(summary.advanced.every((a) => a.step === 'resent')).toBe(true);
  });

  it('reads only the tasks its due cases name, never an activation\'s whole task or case list', async () => {
    const { city } = await unansweredWave();
    const counting = countingWholeActivationReads(city.deps);

    const summary = await sweepEscalations(counting.deps, { pageSize: 2 });

    expect(summary.advanced.length).toBeGreaterThan(0);
    expect(counting.reads).toEqual([]);
  });
});
