import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';
import { countingWholeActivationReads } from '../../support/wholeActivationReads.ts';

/** The demo city at level I with its wave texted: every crew has a tasking waiting for an answer. */
async function textedWave() {
  const city = await demoCityInMemory();
  const zoneLevels = Object.fromEntries(city.city.zones.map((z) => [z.id, 'I' as const]));
  const result = await activate(city.deps, { level: 'I', zoneLevels, actor: 'poller', reason: 'red blizzard signal', evidence: [] });
  await dispatchWave(city.deps, result.activation.id);
  const cases = await city.deps.taskingCases.listTaskingCases(result.activation.id);
  const crew = city.city.crews.find((c) => c.id === cases[0]!.crewId)!;
  return { city, activationId: result.activation.id, crew };
}

describe('a crew leader\'s STOP (use cases on the in-memory twins)', () => {
  it('hands the sender\'s tasking to the backup reading only the sender\'s cases and their tasks, never the activation\'s', async () => {
    const { city, activationId, crew } = await textedWave();
    const counting = countingWholeActivationReads(city.deps);

    const outcome = await handleReply(counting.deps, { inboundMessageId: 'in-stop', from: crew.leader.phone, body: 'STOP' });

    const cases = await city.deps.taskingCases.listCrewTaskingCases(activationId, crew.id);
    expect({ outcome, reads: counting.reads }).toEqual({ outcome: 'stop', reads: [] });
    expect(cases.map((c) => ({ step: c.step, leader: c.recipients.find((r) => r.role === 'leader')?.outcome }))).toEqual(cases.map(() => ({ step: 'backup', leader: 'unreachable' })));
  });
});
