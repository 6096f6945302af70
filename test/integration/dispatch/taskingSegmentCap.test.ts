import { beforeAll, describe, expect, it } from 'vitest';
import { smsSegments } from '../../../functions/core/messages/smsSegments.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

describe('an activation\'s taskings stay within the plan\'s segment cap (issue 14, defect 2)', () => {
  let h: MemoryApiHarness;
  let activationId: string;
  beforeAll(async () => {
    h = await memoryApiHarness();
    // A road renamed to 2,003 characters before names were bounded: written as the old API did, unchecked.
    h.registryData.roads.find((r) => r.tier === 1)!.name = '长'.repeat(2003);
    activationId = (await h.call('POST', '/activations', { body: { level: 'I', reason: 'test' } })).json.activation.id;
  });

  it('sends no SMS over 4 segments, where the long name made a 33-segment tasking', () => {
    expect(h.deps.sms.sent.length).toBeGreaterThan(0);
    for (const sms of h.deps.sms.sent) expect(smsSegments(sms.body).segments).toBeLessThanOrEqual(4);
  });

  it('names every booked task in some SMS, and logs the shortened names as evidence', async () => {
    const tasks = await h.deps.tasks.listTasks(activationId);
    const sentText = h.deps.sms.sent.map((s) => s.body).join('\n');
    for (const t of tasks) expect(sentText).toContain(t.code);
    const log = await h.deps.log.list(activationId);
    expect(log.some((e) => e.action === 'sms.sent' && (e.details as { abbreviated?: boolean }).abbreviated === true)).toBe(true);
  });
});
