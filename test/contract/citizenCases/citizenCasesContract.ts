import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/core/errors/ConflictError.ts';
import type { CitizenCases } from '../../../functions/core/ports/CitizenCases.ts';
import { aCitizenCase } from '../../support/builders/citizenCase.ts';

/** The behaviour every CitizenCases adapter owes its callers; run against DynamoDB Local and the in-memory twin. */
export function citizenCasesContract(name: string, make: () => Promise<CitizenCases>): void {
  describe(`CitizenCases contract: ${name}`, () => {
    it('gives back a created case as it was written', async () => {
      const cases = await make();
      const c = aCitizenCase({ address: '解放路与人民路口', photos: [{ key: 'photos/r01/1.jpg', contentType: 'image/jpeg', bytes: 1234 }] });
      await cases.create(c);
      expect(await cases.get('r01')).toEqual(c);
    });

    it('answers undefined for a case it never held', async () => {
      const cases = await make();
      expect(await cases.get('nope')).toBeUndefined();
    });

    it('refuses to create a case whose id is taken', async () => {
      const cases = await make();
      await cases.create(aCitizenCase());
      await expect(cases.create(aCitizenCase({ description: 'another' }))).rejects.toBeInstanceOf(ConflictError);
      expect((await cases.get('r01'))?.description).toBe(aCitizenCase().description);
    });

    it('saves a case read at the version it still has', async () => {
      const cases = await make();
      await cases.create(aCitizenCase());
      expect(await cases.save({ case: aCitizenCase({ state: 'registered', version: 2 }), expectedVersion: 1 })).toBe(true);
      expect(await cases.get('r01')).toMatchObject({ state: 'registered', version: 2 });
    });

    it('refuses a save whose version was overtaken, and keeps the newer case', async () => {
      const cases = await make();
      await cases.create(aCitizenCase());
      await cases.save({ case: aCitizenCase({ state: 'registered', version: 2 }), expectedVersion: 1 });
      expect(await cases.save({ case: aCitizenCase({ state: 'rejected', version: 2 }), expectedVersion: 1 })).toBe(false);
      expect((await cases.get('r01'))?.state).toBe('registered');
    });

    it('drops an attribute a saved case no longer has', async () => {
      const cases = await make();
      await cases.create(aCitizenCase({ reason: 'no crew free' }));
      const { reason: _gone, ...rest } = aCitizenCase({ state: 'registered', version: 2 });
      await cases.save({ case: rest, expectedVersion: 1 });
      expect((await cases.get('r01'))?.reason).toBeUndefined();
    });

    it('saves two cases together, or neither when one was overtaken', async () => {
      const cases = await make();
      await cases.create(aCitizenCase({ id: 'r01' }));
      await cases.create(aCitizenCase({ id: 'r02' }));
      const refused = await cases.save({ case: aCitizenCase({ id: 'r01', state: 'merged', version: 2 }), expectedVersion: 1 }, { case: aCitizenCase({ id: 'r02', voices: 2, version: 9 }), expectedVersion: 8 });
      expect(refused).toBe(false);
      expect((await cases.get('r01'))?.state).toBe('submitted');
      const saved = await cases.save({ case: aCitizenCase({ id: 'r01', state: 'merged', version: 2 }), expectedVersion: 1 }, { case: aCitizenCase({ id: 'r02', voices: 2, version: 2 }), expectedVersion: 1 });
      expect(saved).toBe(true);
      expect([(await cases.get('r01'))?.state, (await cases.get('r02'))?.voices]).toEqual(['merged', 2]);
    });

    it('lists the cases submitted in a half-open time range, newest first', async () => {
      const cases = await make();
      for (const [id, at] of [['r01', '2026-12-14T20:00:00.000Z'], ['r02', '2026-12-14T21:00:00.000Z'], ['r03', '2026-12-14T22:00:00.000Z'], ['r04', '2026-12-14T23:00:00.000Z']] as const) {
        await cases.create(aCitizenCase({ id, submittedAt: at }));
      }
      const listed = await cases.listSubmitted({ from: '2026-12-14T21:00:00.000Z', to: '2026-12-14T23:00:00.000Z' });
      expect(listed.map((c) => c.id)).toEqual(['r03', 'r02']);
    });

    it('lists every case from a time on when no end is given', async () => {
      const cases = await make();
      await cases.create(aCitizenCase({ id: 'r01', submittedAt: '2026-12-14T20:00:00.000Z' }));
      await cases.create(aCitizenCase({ id: 'r02', submittedAt: '2026-12-14T21:00:00.000Z' }));
      expect((await cases.listSubmitted({ from: '2026-12-14T20:30:00.000Z' })).map((c) => c.id)).toEqual(['r02']);
    });

    it('finds the case a task serves, and none for another task', async () => {
      const cases = await make();
      await cases.linkTask({ activationId: 'act-1', taskId: 'act-1-T07', code: 'T07' }, 'r01');
      expect(await cases.casesOfTask('act-1', 'act-1-T07')).toEqual(['r01']);
      expect(await cases.casesOfTask('act-1', 'act-1-T08')).toEqual([]);
    });

    it('keeps every case a task serves when a second case joins it, each once', async () => {
      const cases = await make();
      const task = { activationId: 'act-1', taskId: 'act-1-T07', code: 'T07' };
      await cases.linkTask(task, 'r01');
      await cases.linkTask(task, 'r02');
      await cases.linkTask(task, 'r01');
      expect((await cases.casesOfTask('act-1', 'act-1-T07')).sort()).toEqual(['r01', 'r02']);
    });
  });
}
