import { afterEach, describe, expect, it } from 'vitest';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { pollAndDispatch } from '../../../functions/core/poll/pollAndDispatch.ts';
import { pollCity } from '../../../functions/core/poll/pollCity.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { pollHarness } from '../../support/weather/pollHarness.ts';

const answer = (cm: number[]) => ({ status: 200, body: JSON.stringify(openMeteoBody(cm)) });
// 6.3 mm of snow water in 12 h from the next hour: level III (CMA yellow). 20 mm in 6 h: level I (red).
const LEVEL_III = answer(snowCm(4.41, 12, 1));
const LEVEL_I = answer(snowCm(14, 6, 1));
const DRY = answer(snowCm(0, 1));
// A level II storm beginning 16 hours ahead: beyond the demo plan's 12-hour lead time.
const LEVEL_II_LATER = answer(snowCm(8, 6, 16));

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe('pollCity decisions (on the in-memory twins)', () => {
  it('upgrades an open activation at once when the forecast worsens, booking the roads the new level brings in and dispatching them', async () => {
    const h = await pollHarness();
    close = h.close;
    h.server.script('/v1/forecast', [LEVEL_III]);
    const deps = { ...h.deps, dispatch: new InlineDispatch(h.deps) };
    const opened = await pollAndDispatch(deps);
    h.server.script('/v1/forecast', [LEVEL_I]);
    h.clock.advance(15);

    const raised = await pollAndDispatch(deps);

    const activationId = opened.activation?.activation.id ?? '';
    const stored = await h.deps.activations.getActivation(activationId);
    const tasks = await h.deps.tasks.listTasks(activationId);
    expect({ opened: opened.decision, raised: raised.decision }).toEqual({ opened: 'activated', raised: 'upgraded' });
    expect({ level: stored?.level, wave: stored?.wave, zones: Object.values(stored?.zoneLevels ?? {}) }).toEqual({ level: 'I', wave: 2, zones: ['I', 'I', 'I', 'I'] });
    // Level I brings tier 3 into scope (and extra passes on some roads): each tier-3 road is now either booked in wave 2 or reported short.
    const tier3 = h.city.roads.filter((r) => r.tier === 3).map((r) => r.id).sort();
    const shortIds = (raised.upgrade?.outcome === 'upgraded' ? raised.upgrade.shortfalls : []).map((s) => s.roadId);
    const bookedIds = tasks.filter((t) => t.wave === 2).map((t) => t.roadId);
    const covered = new Set([...bookedIds, ...shortIds]);
    expect(tier3.filter((id) => !covered.has(id))).toEqual([]);
    expect(raised.dispatch).toMatchObject({ mode: 'sent', sent: new Set(tasks.filter((t) => t.wave === 2).map((t) => t.crewId)).size, skipped: 0, failed: 0 });
    expect((await h.deps.log.list(activationId)).filter((e) => e.action === 'activation.upgraded').map((e) => [e.details.from, e.details.to])).toEqual([['III', 'I']]);
  });

  it('only proposes a stand-down, after the plan\'s number of consecutive polls below, and never closes the activation itself', async () => {
    const h = await pollHarness({ plan: { downgradeAfterPolls: 3 } });
    close = h.close;
    h.server.script('/v1/forecast', [LEVEL_III]);
    const opened = await pollCity(h.deps);
    h.server.script('/v1/forecast', [DRY]);
    const decisions: string[] = [];
    for (let i = 0; i < 4; i++) {
      h.clock.advance(15);
      decisions.push((await pollCity(h.deps)).decision);
    }

    const activationId = opened.activation?.activation.id ?? '';
    expect(decisions).toEqual(['already-open', 'already-open', 'stand-down-proposed', 'already-open']);
    expect((await h.deps.activations.getOpenActivation())?.level).toBe('III');
    const proposals = (await h.deps.log.list(activationId)).filter((e) => e.action === 'stand-down.proposed');
    expect(proposals.map((e) => e.details.reasonCode)).toEqual([{ code: 'forecast-below-level', params: { level: 'III', to: 'none', polls: 3, open: expect.any(Number) } }]);
    expect(h.officerSms().map((s) => s.body).filter((b) => b.includes('结束响应'))).toHaveLength(1);
  });

  it('proposes a downgrade (not a stand-down) when the forecast falls to a lower level', async () => {
    const h = await pollHarness({ plan: { downgradeAfterPolls: 1 } });
    close = h.close;
    h.server.script('/v1/forecast', [LEVEL_I]);
    await pollCity(h.deps);
    h.server.script('/v1/forecast', [LEVEL_III]);
    h.clock.advance(15);

    const result = await pollCity(h.deps);

    expect({ decision: result.decision, cityLevel: result.cityLevel, open: (await h.deps.activations.getOpenActivation())?.level }).toEqual({ decision: 'downgrade-proposed', cityLevel: 'III', open: 'I' });
  });

  it('tells the duty officer once about weather beyond the lead time, and does not activate on it', async () => {
    const h = await pollHarness();
    close = h.close;
    h.server.script('/v1/forecast', [LEVEL_II_LATER]);

    const first = await pollCity(h.deps);
    h.clock.advance(15);
    const second = await pollCity(h.deps);

    expect({ first: first.decision, second: second.decision, watch: first.watch, open: await h.deps.activations.getOpenActivation() }).toEqual({ first: 'watch', second: 'watch', watch: true, open: undefined });
    expect(h.officerSms().map((s) => s.body)).toEqual([expect.stringMatching(/^snowops预警关注: .*预计12-15 00:00起达II级/)]);
  });

  it('activates once the watched weather comes within the lead time', async () => {
    const h = await pollHarness();
    close = h.close;
    h.server.script('/v1/forecast', [LEVEL_II_LATER]);
    await pollCity(h.deps);
    h.clock.advance(4 * 60 + 15);

    const result = await pollCity(h.deps);

    expect({ decision: result.decision, level: result.activation?.activation.level }).toEqual({ decision: 'activated', level: 'II' });
    // The reason is kept as a code with the evidence's figures beside the English sentence, for the console to say in Chinese.
    const stored = await h.deps.activations.getActivation(result.activation!.activation.id);
    expect(stored?.reason).toMatch(/^forecast reached level II \(/);
    expect(stored?.reasonCode).toMatchObject({ code: 'forecast-reached-level', params: { level: 'II', rule: expect.stringMatching(/blizzard-\d+h$/), threshold: expect.any(Number), provider: 'open-meteo' } });
  });

  it('keeps a plan ready while the snow is beyond the lead time, and the activation repairs it when the snow comes', async () => {
    const h = await pollHarness();
    close = h.close;
    h.server.script('/v1/forecast', [LEVEL_II_LATER]);
    const deps = { ...h.deps, dispatch: new InlineDispatch(h.deps) };
    const watching = await pollAndDispatch(deps);
    // 3.5 h on, the day crews' shifts end within the horizon from the new start: the plan is remade for it.
    h.clock.advance(3 * 60 + 30);
    const stillWatching = await pollAndDispatch(deps);
    const ready = await h.deps.readyPlans.getReadyPlan();
    h.clock.advance(30);

    const result = await pollAndDispatch(deps);

    const activationId = result.activation?.activation.id ?? '';
    const note = (await h.deps.log.list(activationId)).find((e) => e.action === 'activation.plan-repaired' || e.action === 'activation.planned-cold');
    expect({ watching: watching.ready, stillWatching: stillWatching.ready, decision: result.decision }).toEqual({ watching: expect.objectContaining({ outcome: 'made' }), stillWatching: expect.objectContaining({ outcome: 'made' }), decision: 'activated' });
    expect(note).toMatchObject({ action: 'activation.plan-repaired', details: { keptTeams: ready?.teams.length, droppedTeams: 0 } });
    expect(await h.deps.readyPlans.getReadyPlan()).toBeUndefined();
  });

  it('under a "propose" plan, proposes once per rise and waits for the duty officer', async () => {
    const h = await pollHarness({ plan: { activationPolicy: 'propose' } });
    close = h.close;
    h.server.script('/v1/forecast', [LEVEL_III]);

    const first = await pollCity(h.deps);
    h.clock.advance(15);
    const second = await pollCity(h.deps);

    expect({ first: first.decision, second: second.decision, open: await h.deps.activations.getOpenActivation() }).toEqual({ first: 'proposed', second: 'awaiting-officer', open: undefined });
    expect(h.officerSms().map((s) => s.body)).toEqual([expect.stringContaining('建议启动III级响应')]);
  });
});
