import { describe, expect, it } from 'vitest';
import type { RateQuotas } from '../../../functions/core/ports/RateQuotas.ts';

/** What every RateQuotas adapter owes its callers. */
export function rateQuotasContract(name: string, make: () => Promise<RateQuotas>): void {
  describe(`RateQuotas contract: ${name}`, () => {
    it('takes up to the limit in a window, then refuses', async () => {
      const q = await make();
      const taken = [];
      for (let i = 0; i < 4; i++) taken.push(await q.take('phone#a', '2026-12-14T22:00:00.000Z', 3));
      expect(taken).toEqual([true, true, true, false]);
    });

    it('counts each key and each window apart', async () => {
      const q = await make();
      await q.take('phone#a', '2026-12-14T22:00:00.000Z', 1);
      expect([await q.take('phone#b', '2026-12-14T22:00:00.000Z', 1), await q.take('phone#a', '2026-12-14T23:00:00.000Z', 1)]).toEqual([true, true]);
    });

    it('lets exactly the limit through when many take at once', async () => {
      const q = await make();
      const results = await Promise.all(Array.from({ length: 12 }, () => q.take('flood', '2026-12-14T22:00:00.000Z', 5)));
      expect(results.filter(Boolean)).toHaveLength(5);
    });
  });
}
