import { describe, expect, it } from 'vitest';
import { activate } from '../../functions/core/activation/activate.ts';
import { dispatchWave } from '../../functions/core/dispatch/dispatchWave.ts';
import { handleReply } from '../../functions/core/replies/handleReply.ts';
import { demoCityInMemory } from '../support/demoCity.ts';

async function dispatchedCity() {
  const city = await demoCityInMemory();
  const zoneLevels = Object.fromEntries(city.city.zones.map((z) => [z.id, 'II' as const]));
  const result = await activate(city.deps, { level: 'II', zoneLevels, actor: 'poller', reason: 'storm', evidence: [] });
  await dispatchWave(city.deps, result.activation.id);
  const crewId = (await city.deps.tasks.listTasks(result.activation.id))[0]!.crewId;
  const crew = city.city.crews.find((c) => c.id === crewId)!;
  return { ...city, activationId: result.activation.id, crew };
}

describe('inbound replies (use cases on the in-memory twins)', () => {
  it('marks a known leader\'s dispatched tasks acknowledged on "1"', async () => {
    const { deps, activationId, crew } = await dispatchedCity();
    const outcome = await handleReply(deps, { inboundMessageId: 'in-1', from: crew.leader.phone, body: '1' });
    const mine = (await deps.tasks.listTasks(activationId)).filter((t) => t.crewId === crew.id);
    expect(outcome).toBe('applied');
    expect(mine.every((t) => t.state === 'acknowledged')).toBe(true);
  });

  it('marks them done on "3"', async () => {
    const { deps, activationId, crew } = await dispatchedCity();
    await handleReply(deps, { inboundMessageId: 'in-1', from: crew.leader.phone, body: '3' });
    const mine = (await deps.tasks.listTasks(activationId)).filter((t) => t.crewId === crew.id);
    expect(mine.every((t) => t.state === 'done')).toBe(true);
  });

  it('ignores and logs a reply from an unknown number, sending nothing back', async () => {
    const { deps, activationId } = await dispatchedCity();
    const sentBefore = deps.sms.sent.length;
    const outcome = await handleReply(deps, { inboundMessageId: 'in-x', from: '+8613700000000', body: '3' });
    expect(outcome).toBe('unknown-sender');
    expect(deps.sms.sent.length).toBe(sentBefore);
    expect((await deps.tasks.listTasks(activationId)).some((t) => t.state === 'done')).toBe(false);
    expect((await deps.log.list('system')).map((e) => e.action)).toContain('reply.unknown-sender');
  });

  it('applies the same inbound message only once', async () => {
    const { deps, crew } = await dispatchedCity();
    await handleReply(deps, { inboundMessageId: 'in-1', from: crew.leader.phone, body: '1' });
    const again = await handleReply(deps, { inboundMessageId: 'in-1', from: crew.leader.phone, body: '1' });
    expect(again).toBe('duplicate');
  });
});
