import { describe, expect, it } from 'vitest';
import type { PhoneVerifications } from '../../../functions/core/ports/PhoneVerifications.ts';

const PHONE = '+8613800000001';
const NOW = '2026-12-14T22:00:00.000Z';
const LATER = '2026-12-14T22:10:00.000Z';

/** What every PhoneVerifications adapter owes its callers. */
export function phoneVerificationsContract(name: string, make: () => Promise<PhoneVerifications>): void {
  describe(`PhoneVerifications contract: ${name}`, () => {
    it('counts each guess at a live code and gives the code back with its count', async () => {
      const v = await make();
      await v.putCode(PHONE, { codeHash: 'h1', expiresAt: LATER });
      await v.countAttempt(PHONE, NOW, 5);
      expect(await v.countAttempt(PHONE, NOW, 5)).toEqual({ status: 'counted', code: { codeHash: 'h1', expiresAt: LATER, attempts: 2 } });
    });

    it('answers exhausted once the code has had its guesses, and counts no more', async () => {
      const v = await make();
      await v.putCode(PHONE, { codeHash: 'h1', expiresAt: LATER });
      for (let i = 0; i < 3; i++) await v.countAttempt(PHONE, NOW, 3);
      expect(await v.countAttempt(PHONE, NOW, 3)).toEqual({ status: 'exhausted' });
    });

    it('answers none for a lapsed code, a removed code and a phone never sent one', async () => {
      const v = await make();
      await v.putCode(PHONE, { codeHash: 'h1', expiresAt: LATER });
      expect(await v.countAttempt(PHONE, LATER, 5)).toEqual({ status: 'none' });
      await v.removeCode(PHONE);
      expect(await v.countAttempt(PHONE, NOW, 5)).toEqual({ status: 'none' });
      expect(await v.countAttempt('+8613800000002', NOW, 5)).toEqual({ status: 'none' });
    });

    it('starts a new code\'s guesses at zero', async () => {
      const v = await make();
      await v.putCode(PHONE, { codeHash: 'h1', expiresAt: LATER });
      for (let i = 0; i < 3; i++) await v.countAttempt(PHONE, NOW, 3);
      await v.putCode(PHONE, { codeHash: 'h2', expiresAt: LATER });
      expect(await v.countAttempt(PHONE, NOW, 3)).toMatchObject({ status: 'counted', code: { codeHash: 'h2', attempts: 1 } });
    });

    it('finds the phone of a live pass, and nothing once it lapsed', async () => {
      const v = await make();
      await v.putPass('p1', PHONE, LATER);
      expect([await v.findPass('p1', NOW), await v.findPass('p1', LATER), await v.findPass('p2', NOW)]).toEqual([PHONE, undefined, undefined]);
    });
  });
}
