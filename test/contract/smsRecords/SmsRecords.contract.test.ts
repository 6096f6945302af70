import { describe, expect, it } from 'vitest';
import type { SmsMessage } from '../../../functions/core/operations/SmsMessage.ts';
import { SUBJECTS } from '../support/subjects.ts';
import { AT } from '../support/records.ts';

const sms = (id: string, overrides: Partial<SmsMessage> = {}): SmsMessage => ({
  id, activationId: 'act-1', crewId: 'C1', to: '+8613800000001', body: 'T01', segments: 1, encoding: 'GSM-7', taskIds: ['t1'], state: 'queued', updatedAt: AT, ...overrides,
});

describe.each(SUBJECTS)('SmsRecords: $name', ({ make }) => {
  it('claims a message once', async () => {
    const w = await make();
    expect([await w.smsRecords.claimMessage(sms('m1')), await w.smsRecords.claimMessage(sms('m1'))]).toEqual(['claimed', 'exists']);
  });

  it('records how a claimed message ended, and lets no later run overwrite a known end', async () => {
    const w = await make();
    await w.smsRecords.claimMessage(sms('m1'));
    const sent = await w.smsRecords.completeMessage(sms('m1', { state: 'sent', providerMessageId: 'p1' }));
    const doubt = await w.smsRecords.completeMessage(sms('m1', { state: 'in-doubt' }));
    const failed = await w.smsRecords.completeMessage(sms('m1', { state: 'failed', failure: 'x' }));
    expect({ sent, doubt, failed, stored: await w.smsRecords.getMessage('act-1', 'm1') }).toMatchObject({ sent: true, doubt: false, failed: false, stored: { state: 'sent', providerMessageId: 'p1' } });
  });

  it('lets a known end replace in-doubt', async () => {
    const w = await make();
    await w.smsRecords.claimMessage(sms('m1'));
    await w.smsRecords.completeMessage(sms('m1', { state: 'in-doubt' }));
    expect(await w.smsRecords.completeMessage(sms('m1', { state: 'sent' }))).toBe(true);
  });

  it('counts an end that landed and then timed out as recorded', async () => {
    const w = await make();
    await w.smsRecords.claimMessage(sms('m1'));
    w.landNextWriteThenTimeOut();
    expect(await w.smsRecords.completeMessage(sms('m1', { state: 'sent' }))).toBe(true);
  });

  it('lists an activation\'s messages in id order, and no other activation\'s', async () => {
    const w = await make();
    for (const id of ['m2', 'm1']) await w.smsRecords.claimMessage(sms(id));
    await w.smsRecords.claimMessage(sms('m3', { activationId: 'act-2' }));
    expect((await w.smsRecords.listMessages('act-1')).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('lists only the messages whose id starts with a prefix, in id order, and no other activation\'s', async () => {
    const w = await make();
    for (const id of ['act-1#cancelled#C1#leader#T2', 'act-1#cancelled#C10#leader#T3', 'act-1#cancelled#C1#backup#T2', 'act-1#C1#w1#T2#a1']) await w.smsRecords.claimMessage(sms(id));
    await w.smsRecords.claimMessage(sms('act-1#cancelled#C1#leader#T9', { activationId: 'act-2' }));
    expect((await w.smsRecords.listMessagesStartingWith('act-1', 'act-1#cancelled#C1#')).map((m) => m.id)).toEqual(['act-1#cancelled#C1#backup#T2', 'act-1#cancelled#C1#leader#T2']);
  });
});
