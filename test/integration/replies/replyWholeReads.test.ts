import { describe, expect, it, vi } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import type { ActiveLevel } from '../../../functions/core/levels/ResponseLevel.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';
import { countingWholeActivationReads } from '../../support/wholeActivationReads.ts';

/** The demo city at `level` with its wave texted: every crew tasked has a tasking waiting for an answer. */
async function textedWave(level: ActiveLevel = 'I') {
  const city = await demoCityInMemory();
  const zoneLevels = Object.fromEntries(city.city.zones.map((z) => [z.id, level]));
  const result = await activate(city.deps, { level, zoneLevels, actor: 'poller', reason: 'red blizzard signal', evidence: [] });
  await dispatchWave(city.deps, result.activation.id);
  const cases = await city.deps.taskingCases.listTaskingCases(result.activation.id);
  const crew = city.city.crews.find((c) => c.id === cases[0]!.crewId)!;
  return { city, activationId: result.activation.id, crew };
}

const passOf = (t: { roadId: string; pass: string }) => `${t.roadId}#${t.pass}`;

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

describe('a crew leader\'s "9" (cannot) (use cases on the in-memory twins)', () => {
  it('re-tasks the passes the crew gave back to another crew and texts it, reading neither the activation\'s task list nor its case list', async () => {
    const { city, activationId, crew } = await textedWave('IV');
    const given = (await city.deps.tasks.listOpenTasksForCrew(crew.id)).map(passOf).sort();
    const counting = countingWholeActivationReads(city.deps);

    const outcome = await handleReply(counting.deps, { inboundMessageId: 'in-9', from: crew.leader.phone, body: '9' });

    const retasked = (await city.deps.tasks.listTasks(activationId)).filter((t) => given.includes(passOf(t)) && t.state !== 'cannot');
    expect({ outcome, reads: counting.reads }).toEqual({ outcome: 'applied', reads: [] });
    expect(retasked.map(passOf).sort()).toEqual(given);
    expect(retasked.map((t) => ({ crew: t.crewId === crew.id, state: t.state }))).toEqual(retasked.map(() => ({ crew: false, state: 'dispatched' })));
  });

  it('plans only the passes given back: the rest of the activation is not re-planned', async () => {
    const { city, activationId, crew } = await textedWave('IV');
    const before = (await city.deps.tasks.listTasks(activationId)).length;
    const given = (await city.deps.tasks.listOpenTasksForCrew(crew.id)).length;

    await handleReply(city.deps, { inboundMessageId: 'in-9', from: crew.leader.phone, body: '9' });

    expect((await city.deps.tasks.listTasks(activationId)).length).toBe(before + given);
  });

  it('keeps a crew that answered "9" out of every later replacement in the activation', async () => {
    const { city, activationId, crew } = await textedWave('IV');
    await handleReply(city.deps, { inboundMessageId: 'in-9a', from: crew.leader.phone, body: '9' });
    const other = (await city.deps.tasks.listTasks(activationId)).find((t) => t.state === 'dispatched' && t.crewId !== crew.id)!;
    const second = city.city.crews.find((c) => c.id === other.crewId)!;

    await handleReply(city.deps, { inboundMessageId: 'in-9b', from: second.leader.phone, body: '9' });

    const stored = await city.deps.activations.getActivation(activationId);
    const open = (await city.deps.tasks.listTasks(activationId)).filter((t) => t.state !== 'cannot' && t.state !== 'cancelled');
    expect(stored?.refusedCrewIds).toEqual([crew.id, second.id]);
    expect(open.filter((t) => t.crewId === crew.id || t.crewId === second.id)).toEqual([]);
  });

  it('a retried "9" whose first run died after booking texts the team that run booked, and books none twice', async () => {
    const { city, activationId, crew } = await textedWave('IV');
    const given = (await city.deps.tasks.listOpenTasksForCrew(crew.id)).map(passOf);
    const append = city.deps.log.append.bind(city.deps.log);
    const dying = vi.spyOn(city.deps.log, 'append').mockImplementation(async (entry) => {
      if (entry.action === 'replacement.requested') { dying.mockRestore(); throw new Error('Lambda timed out'); }
      return append(entry);
    });

    await expect(handleReply(city.deps, { inboundMessageId: 'in-9', from: crew.leader.phone, body: '9' })).rejects.toThrow('Lambda timed out');
    const untold = (await city.deps.tasks.listTasks(activationId)).filter((t) => given.includes(passOf(t)) && t.state === 'planned');
    await handleReply(city.deps, { inboundMessageId: 'in-9', from: crew.leader.phone, body: '9' });

    const retasked = (await city.deps.tasks.listTasks(activationId)).filter((t) => given.includes(passOf(t)) && t.state !== 'cannot');
    expect(untold.map(passOf).sort()).toEqual([...given].sort());
    expect(retasked.map((t) => ({ id: t.id, state: t.state }))).toEqual(untold.map((t) => ({ id: t.id, state: 'dispatched' })));
  });

  it('tells the poller nothing is left untold when the replacement was the only booking since the last dispatch', async () => {
    const { city, activationId, crew } = await textedWave('IV');

    await handleReply(city.deps, { inboundMessageId: 'in-9', from: crew.leader.phone, body: '9' });

    const stored = await city.deps.activations.getActivation(activationId);
    expect(stored?.dispatchedBookingRuns).toBe(stored?.bookingRuns);
  });
});
