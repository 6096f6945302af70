import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../support/subjects.ts';
import { AT } from '../support/records.ts';

const PHONE = '+8613800000001';
const minutesLater = (m: number) => new Date(Date.parse(AT) + m * 60_000).toISOString();

describe.each(SUBJECTS)('ContactPreferences: $name', ({ make }) => {
  it('remembers a phone that opted out, and no other', async () => {
    const w = await make();
    await w.contacts.recordOptOut(PHONE, AT);
    expect([await w.contacts.isOptedOut(PHONE), await w.contacts.isOptedOut('+8613800000002')]).toEqual([true, false]);
  });

  it('grants one help reply per phone within the window, and again after it', async () => {
    const w = await make();
    const first = await w.contacts.claimHelpReply(PHONE, AT, 60, 'in-1');
    const within = await w.contacts.claimHelpReply(PHONE, minutesLater(30), 60, 'in-2');
    const after = await w.contacts.claimHelpReply(PHONE, minutesLater(61), 60, 'in-3');
    expect([first, within, after]).toEqual([true, false, true]);
  });

  it('grants the help reply again to a retry of the same inbound SMS', async () => {
    const w = await make();
    await w.contacts.claimHelpReply(PHONE, AT, 60, 'in-1');
    expect(await w.contacts.claimHelpReply(PHONE, minutesLater(1), 60, 'in-1')).toBe(true);
  });

  it('counts a help claim that landed and then timed out as granted', async () => {
    const w = await make();
    w.landNextWriteThenTimeOut();
    expect(await w.contacts.claimHelpReply(PHONE, AT, 60, 'in-1')).toBe(true);
  });

  it('grants up to the limit of answers per phone and window, then refuses, counting each phone and window apart', async () => {
    const w = await make();
    const granted = [];
    for (let i = 1; i <= 4; i++) granted.push(await w.contacts.claimReplyAnswer(PHONE, AT, 3, `in-${i}`));
    const otherPhone = await w.contacts.claimReplyAnswer('+8613800000002', AT, 3, 'in-5');
    const nextWindow = await w.contacts.claimReplyAnswer(PHONE, minutesLater(10), 3, 'in-6');
    expect([...granted, otherPhone, nextWindow]).toEqual([true, true, true, false, true, true]);
  });

  it('grants the answer again to a retry of the same inbound SMS once the window is full, without counting it twice', async () => {
    const w = await make();
    await w.contacts.claimReplyAnswer(PHONE, AT, 2, 'in-1');
    await w.contacts.claimReplyAnswer(PHONE, AT, 2, 'in-2');
    expect([await w.contacts.claimReplyAnswer(PHONE, AT, 2, 'in-1'), await w.contacts.claimReplyAnswer(PHONE, AT, 2, 'in-3')]).toEqual([true, false]);
  });

  it('lets exactly the limit through when many answers are claimed at once', async () => {
    const w = await make();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => w.contacts.claimReplyAnswer(PHONE, AT, 3, `in-${i}`)));
    expect(results.filter(Boolean)).toHaveLength(3);
  });
});
