import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { recordDispatch } from '../../../functions/core/citizen/caseWork.ts';
import { dispatchCase } from '../../../functions/core/citizen/dispatchCase.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { MemoryBannedPhones } from '../../../functions/adapters/memory/MemoryBannedPhones.ts';
import { CITIZEN_LOG } from '../../../functions/core/citizen/CitizenDeps.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { MemoryCitizenCases } from '../../../functions/adapters/memory/MemoryCitizenCases.ts';
import { aCitizenCase } from '../../support/builders/citizenCase.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

/** A dispatched wave on the twins, and one citizen case put on the first task of one crew. */
async function caseOnATask() {
  const city = await demoCityInMemory();
  const citizenCases = new MemoryCitizenCases();
  const deps = { ...city.deps, citizenCases };
  const zoneLevels = Object.fromEntries(city.city.zones.map((z) => [z.id, 'II' as const]));
  const { activation } = await activate(deps, { level: 'II', zoneLevels, actor: 'poller', reason: 'storm', evidence: [] });
  await dispatchWave(deps, activation.id);
  const task = (await deps.tasks.listTasks(activation.id))[0]!;
  const crew = city.city.crews.find((c) => c.id === task.crewId)!;
  await citizenCases.create(aCitizenCase({ id: 'r-bridge', state: 'registered', history: [{ step: 'submit', at: '2026-12-14T00:00:00.000Z' }, { step: 'register', at: '2026-12-14T00:00:00.000Z' }] }));
  await recordDispatch({ cases: citizenCases, log: deps.log, clock: deps.clock, ids: deps.ids }, { caseId: 'r-bridge', task: { activationId: activation.id, taskId: task.id, code: task.code }, actor: 'officer-demo' });
  return { deps, citizenCases, task, crew, city };
}

describe('a citizen case at its crew\'s reply (use cases on the in-memory twins)', () => {
  it('goes to verification the moment the crew answers "3" for its task, logged as the crew\'s step', async () => {
    const { deps, citizenCases, task, crew } = await caseOnATask();

    await handleReply(deps, { inboundMessageId: 'in-3', from: crew.leader.phone, body: `3 ${task.code}` });

    expect((await citizenCases.get('r-bridge'))?.state).toBe('handled');
    const handled = (await deps.log.list(CITIZEN_LOG)).filter((e) => e.action === 'citizen.handled');
    expect(handled.map((e) => [e.subject, e.actor])).toEqual([['case:r-bridge', `crew:${crew.id}`]]);
  });

  it('goes back to the queue with the reason when the crew answers "9"', async () => {
    const { deps, citizenCases, task, crew } = await caseOnATask();

    await handleReply(deps, { inboundMessageId: 'in-9', from: crew.leader.phone, body: `9 ${task.code}` });

    const c = await citizenCases.get('r-bridge');
    expect([c?.state, c?.reason]).toEqual(['waiting', `crew ${crew.id} answered that it cannot do task ${task.code}`]);
  });

  it('stays dispatched on "1" and "2": acknowledged and on site are the crew\'s, not the case\'s', async () => {
    const { deps, citizenCases, task, crew } = await caseOnATask();

    await handleReply(deps, { inboundMessageId: 'in-1', from: crew.leader.phone, body: `1 ${task.code}` });
    await handleReply(deps, { inboundMessageId: 'in-2', from: crew.leader.phone, body: `2 ${task.code}` });

    expect((await citizenCases.get('r-bridge'))?.state).toBe('dispatched');
  });

  it('takes the step once when the same "3" is delivered twice', async () => {
    const { deps, task, crew } = await caseOnATask();

    await handleReply(deps, { inboundMessageId: 'in-3', from: crew.leader.phone, body: `3 ${task.code}` });
    await handleReply(deps, { inboundMessageId: 'in-3', from: crew.leader.phone, body: `3 ${task.code}` });

    expect((await deps.log.list(CITIZEN_LOG)).filter((e) => e.action === 'citizen.handled')).toHaveLength(1);
  });

  it('puts both cases a task serves to verification at "3" when a second case joined the crew already on its road', async () => {
    const { deps, citizenCases, task, crew, city } = await caseOnATask();
    const road = city.city.roads.find((r) => r.id === task.roadId)!;
    const at = '2026-12-14T00:10:00.000Z';
    await citizenCases.create(aCitizenCase({ id: 'r-second', category: 'other', lat: road.latitude, lon: road.longitude, zoneId: road.zoneId, state: 'registered', history: [{ step: 'submit', at }, { step: 'register', at }] }));
    const joined = await dispatchCase({ ...deps, cases: citizenCases, bans: new MemoryBannedPhones(), dispatch: new InlineDispatch(deps) }, { caseId: 'r-second', actor: 'officer-demo' });
    expect(joined.outcome === 'dispatched' ? [joined.joined, joined.task.id] : joined.reason).toEqual([true, task.id]);

    await handleReply(deps, { inboundMessageId: 'in-3', from: crew.leader.phone, body: `3 ${task.code}` });

    expect([(await citizenCases.get('r-bridge'))?.state, (await citizenCases.get('r-second'))?.state]).toEqual(['handled', 'handled']);
  });
});
