import { afterEach, describe, expect, it } from 'vitest';
import { officerNotices } from '../../../functions/core/poll/officerNotices.ts';
import { pollAndDispatch } from '../../../functions/core/poll/pollAndDispatch.ts';
import { startPreTreatment } from '../../../functions/core/pretreatment/startPreTreatment.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { pollerWithWorker } from '../../support/weather/pollHarness.ts';

const answer = (cm: number[]) => ({ status: 200, body: JSON.stringify(openMeteoBody(cm)) });
const DRY = answer(snowCm(0, 1));
// A level II storm beginning 16 hours ahead: beyond the demo plan's 12-hour lead time (a watch).
const LEVEL_II_LATER = answer(snowCm(8, 6, 16));
const REQUEST = { actor: 'officer-demo', reason: 'blizzard forecast for tonight: pre-treat' };

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

/** The demo city on the twins, every zone on watch for level II after one poll, and a pre-treatment started (its planning request kept). */
async function preTreatingCity() {
  const h = await pollerWithWorker();
  close = h.close;
  h.server.script('/v1/forecast', [LEVEL_II_LATER]);
  await pollAndDispatch(h.deps);
  const activation = await startPreTreatment(h.deps, REQUEST);
  h.clock.advance(15);
  return { ...h, activation };
}

describe('a stand-down proposed when the watch a pre-treatment was started for passes without snow (on the in-memory twins)', () => {
  it('proposes the stand-down to the duty officer, in the log and by SMS, on the poll where the watch ends', async () => {
    const { deps, server, activation, officerSms, plan } = await preTreatingCity();
    server.script('/v1/forecast', [DRY]);

    const polled = await pollAndDispatch(deps);

    const proposals = (await deps.log.list(activation.id)).filter((e) => e.action === 'stand-down.proposed');
    expect(polled.decision).toBe('stand-down-proposed');
    expect(proposals.map((e) => e.details.reasonCode)).toEqual([{ code: 'watch-passed', params: { level: 'II', snowAt: activation.preTreatment!.snowAt, open: 0 } }]);
    expect(officerSms().at(-1)?.body).toBe(officerNotices.proposeStandDownNoSnow(plan.defaultLanguage, 0, deps.sms.signature).body);
    expect((await deps.activations.getOpenActivation())?.id).toBe(activation.id);
  });

  it('proposes nothing while the watch holds', async () => {
    const { deps, activation } = await preTreatingCity();

    const polled = await pollAndDispatch(deps);

    expect(polled.decision).toBe('already-open');
    expect((await deps.log.list(activation.id)).map((e) => e.action)).not.toContain('stand-down.proposed');
  });

  it('proposes it once: the polls after the watch ended stay quiet', async () => {
    const { deps, server, clock, activation } = await preTreatingCity();
    server.script('/v1/forecast', [DRY]);
    await pollAndDispatch(deps);
    clock.advance(15);

    const next = await pollAndDispatch(deps);

    expect(next.decision).toBe('already-open');
    expect((await deps.log.list(activation.id)).filter((e) => e.action === 'stand-down.proposed')).toHaveLength(1);
  });
});
