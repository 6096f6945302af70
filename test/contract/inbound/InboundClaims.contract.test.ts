import { describe, expect, it } from 'vitest';
import { INBOUND_RUN_MS } from '../../../functions/core/ports/InboundClaims.ts';
import { SUBJECTS } from '../support/subjects.ts';
import { AT } from '../support/records.ts';

const after = (ms: number) => new Date(Date.parse(AT) + ms).toISOString();
const NOTE = { activationId: 'act-1', taskIds: ['t1', 't2'] };

describe.each(SUBJECTS)('InboundClaims: $name', ({ make }) => {
  it('answers new the first time and duplicate while another run handles it or once it is finished', async () => {
    const w = await make();
    const first = await w.inbound.claimInbound('sms-1', AT);
    const during = await w.inbound.claimInbound('sms-1', after(1000));
    await w.inbound.finishInbound('sms-1');
    const finished = await w.inbound.claimInbound('sms-1', after(10 * INBOUND_RUN_MS));
    expect([first, during, finished]).toEqual([{ status: 'new' }, { status: 'duplicate' }, { status: 'duplicate' }]);
  });

  it('hands a released claim to the retry with what the first run noted', async () => {
    const w = await make();
    await w.inbound.claimInbound('sms-1', AT);
    await w.inbound.noteInbound('sms-1', NOTE);
    await w.inbound.releaseInbound('sms-1');
    expect(await w.inbound.claimInbound('sms-1', after(1000))).toEqual({ status: 'unfinished', note: NOTE });
  });

  it('hands over a claim held longer than any run lasts (its run died)', async () => {
    const w = await make();
    await w.inbound.claimInbound('sms-1', AT);
    expect(await w.inbound.claimInbound('sms-1', after(INBOUND_RUN_MS + 1))).toEqual({ status: 'unfinished' });
  });

  it('counts a claim that landed and then timed out as new', async () => {
    const w = await make();
    w.landNextWriteThenTimeOut();
    expect(await w.inbound.claimInbound('sms-1', AT)).toEqual({ status: 'new' });
  });
});
