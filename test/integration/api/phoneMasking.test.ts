import { beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

/** The two numbers of the reply in issue 14 (defect 8), as digits. */
const CLEAR = ['13800138000', '13800138001'];
const digitsOf = (text: string) => text.replace(/\D/g, '');

describe('phone numbers in free text reach no manager or duty officer in clear (issue 14, defect 8)', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => {
    h = await memoryApiHarness();
    await h.call('POST', '/activations', { body: { level: 'II', reason: '雪大，请打 138-0013-8000 联系现场' } });
    const leader = h.deps.sms.sent[0]!.to;
    await handleReply(h.deps, { inboundMessageId: 'in-mask-1', from: leader, body: '请打13800138000 或 +86 138 0013 8001' });
  });

  it.each(['manager', 'officer'] as const)('masks both numbers of a reply in GET /logs/current for a %s', async (as) => {
    const res = await h.call('GET', '/logs/current?limit=500', { as });
    expect(res.status).toBe(200);
    expect(res.text).toContain('138****8000');
    for (const n of CLEAR) expect(digitsOf(res.text)).not.toContain(n);
  });

  it.each(['log.csv', 'report.html', 'report'])('masks them in /activations/current/%s', async (path) => {
    const res = await h.call('GET', `/activations/current/${path}`, { as: 'manager' });
    expect(res.status).toBe(200);
    for (const n of CLEAR) expect(digitsOf(res.text)).not.toContain(n);
  });

  it('masks a number an officer wrote into the activation\'s reason, in every read of it', async () => {
    for (const path of ['/activations/current', '/activations', '/status']) {
      const res = await h.call('GET', path, { as: 'manager' });
      expect(res.status).toBe(200);
      expect(digitsOf(res.text)).not.toContain('13800138000');
    }
  });

  it('shows an administrator the registry\'s phones in full, and a manager none', async () => {
    const admin = await h.call('GET', '/registry/crews/C01', { as: 'admin' });
    const manager = await h.call('GET', '/registry/crews/C01', { as: 'manager' });
    expect(admin.json.leader.phone).toBe(h.city.crews[0]!.leader.phone);
    expect(manager.json.leader.phone).toBe('+86 139****1001');
  });
});
