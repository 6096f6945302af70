// Issue 14, defect 9: NUL, control characters and right-to-left overrides were stored from an officer's reason
// and shown raw in report.html and log.csv. An officer's prose is refused with the character named; what a
// crew's SMS holds cannot be refused, so the reports show each such character as [U+XXXX].
import { beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

const HIDDEN = /[\u0000\u202E]/;

describe('hidden characters in free text (issue 14, defect 9)', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => {
    h = await memoryApiHarness();
  });

  it('refuses a reason holding a right-to-left override, naming the field and the character, and opens nothing', async () => {
    const res = await h.call('POST', '/activations', { body: { level: 'II', reason: '大雪\u202E注意安全' } });

    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ field: 'reason', detail: expect.stringContaining('U+202E') });
    expect(await h.deps.activations.getOpenActivation()).toBeUndefined();
  });

  it('keeps the line breaks of a reason', async () => {
    const res = await h.call('POST', '/activations', { body: { level: 'II', reason: '橙色预警\n12 mm / 6 h' } });

    expect(res.status, JSON.stringify(h.errors)).toBe(202);
    expect((await h.deps.activations.getOpenActivation())!.reason).toBe('橙色预警\n12 mm / 6 h');
  });

  it('shows a crew reply\'s override as its code point in log.csv, and no NUL or override raw', async () => {
    const leader = h.deps.sms.sent[0]!.to;
    await handleReply(h.deps, { inboundMessageId: 'in-hidden-1', from: leader, body: '好\u0000的\u202E1' });

    const res = await h.call('GET', '/activations/current/log.csv', { as: 'manager' });

    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(HIDDEN);
    expect(res.text).toContain('的[U+202E]1');
  });

  it('shows the hidden characters of a reason logged before they were refused as code points in report.html', async () => {
    const open = (await h.deps.activations.getOpenActivation())!;
    await h.deps.log.append({ activationId: open.id, at: h.clock.now().toISOString(), actor: 'officer', action: 'activation.note', details: {}, reason: '旧\u0000记录\u202E' });

    const res = await h.call('GET', '/activations/current/report.html', { as: 'manager' });

    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(HIDDEN);
    expect(res.text).toContain('旧[U+0000]记录[U+202E]');
  });
});
