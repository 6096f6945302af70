import { describe, expect, it } from 'vitest';
import type { BannedPhones, PhoneBan } from '../../../functions/core/ports/BannedPhones.ts';

const first: PhoneBan = { at: '2026-12-14T22:00:00.000Z', actor: 'officer-demo', reason: '同一号码一小时内上报 40 条虚假信息', caseId: 'r01' };
const hash = (c: string) => c.repeat(64);

/** What every BannedPhones adapter owes its callers. */
export function bannedPhonesContract(name: string, make: () => Promise<BannedPhones>): void {
  describe(`BannedPhones contract: ${name}`, () => {
    it('knows no ban on a number never banned', async () => {
      expect(await (await make()).banOf(hash('a'))).toBeUndefined();
    });

    it('gives back a ban as it was made, for that number only', async () => {
      const bans = await make();
      expect(await bans.ban(hash('b'), first)).toBe(true);
      expect([await bans.banOf(hash('b')), await bans.banOf(hash('c'))]).toEqual([first, undefined]);
    });

    it('keeps the first ban when the number is banned again', async () => {
      const bans = await make();
      await bans.ban(hash('d'), first);
      expect(await bans.ban(hash('d'), { ...first, actor: 'officer-2', caseId: 'r02' })).toBe(false);
      expect(await bans.banOf(hash('d'))).toEqual(first);
    });

    it('records one ban when two officers ban the same number at once', async () => {
      const bans = await make();
      const results = await Promise.all([1, 2, 3].map((n) => bans.ban(hash('e'), { ...first, caseId: `r0${n}` })));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
