import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { PowertoolsAttemptGuard } from '../../../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { PowertoolsIdempotencyGuard } from '../../../functions/handlers/api/idempotency/PowertoolsIdempotencyGuard.ts';
import type { ApiResponse } from '../../../functions/handlers/api/http/ApiResponse.ts';

const created = (body: string): ApiResponse => ({ status: 201, body });

/** What both idempotency stores must do under the API's guard and the SMS attempt guard. */
export function idempotencyContract(name: string, freshStore: () => Promise<BasePersistenceLayer>): void {
  describe(`idempotency records (${name})`, () => {
    it('runs the work for a new key and says it was not replayed', async () => {
      const guard = new PowertoolsIdempotencyGuard({ persistenceStore: await freshStore() });
      let runs = 0;

      const first = await guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, async () => { runs++; return created('{"id":1}'); });

      expect({ runs, replayed: first.replayed, body: first.response.body }).toEqual({ runs: 1, replayed: false, body: '{"id":1}' });
    });

    it('answers a repeated key with the stored response, without running the work again', async () => {
      const guard = new PowertoolsIdempotencyGuard({ persistenceStore: await freshStore() });
      let runs = 0;
      const work = async () => { runs++; return created(`{"id":${runs}}`); };
      await guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, work);

      const again = await guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, work);

      expect({ runs, replayed: again.replayed, status: again.response.status, body: again.response.body }).toEqual({ runs: 1, replayed: true, status: 201, body: '{"id":1}' });
    });

    it('refuses a key that comes back with a different request', async () => {
      const guard = new PowertoolsIdempotencyGuard({ persistenceStore: await freshStore() });
      await guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, async () => created('{}'));

      const reused = guard.run({ key: 'officer#k1', request: { a: 2 } }, undefined, async () => created('{}'));

      await expect(reused).rejects.toBeInstanceOf(IdempotencyValidationError);
    });

    it('refuses the same key while its first request is still running', async () => {
      const guard = new PowertoolsIdempotencyGuard({ persistenceStore: await freshStore() });
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => { started = resolve; });
      const first = guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, () => new Promise<ApiResponse>((resolve) => { release = () => resolve(created('{}')); started(); }));
      await running;

      const second = guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, async () => created('{}'));

      await expect(second).rejects.toBeInstanceOf(IdempotencyAlreadyInProgressError);
      release();
      await first;
    });

    it('lets a retry take over a key whose first attempt ran out of Lambda time without finishing', async () => {
      const store = await freshStore();
      const dying = { getRemainingTimeInMillis: () => 1 } as Context;
      let started!: () => void;
      const running = new Promise<void>((resolve) => { started = resolve; });
      void new PowertoolsIdempotencyGuard({ persistenceStore: store }).run({ key: 'officer#k1', request: { a: 1 } }, dying, () => new Promise<ApiResponse>(() => { started(); }));
      await running;
      await new Promise((resolve) => setTimeout(resolve, 5));

      const retry = await new PowertoolsIdempotencyGuard({ persistenceStore: store }).run({ key: 'officer#k1', request: { a: 1 } }, undefined, async () => created('{"ok":true}'));

      expect({ replayed: retry.replayed, body: retry.response.body }).toEqual({ replayed: false, body: '{"ok":true}' });
    });

    it('forgets a key whose work failed, so a retry runs it', async () => {
      const guard = new PowertoolsIdempotencyGuard({ persistenceStore: await freshStore() });
      await expect(guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, async () => { throw new Error('planner down'); })).rejects.toThrow('planner down');

      const retry = await guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, async () => created('{"ok":true}'));

      expect({ replayed: retry.replayed, body: retry.response.body }).toEqual({ replayed: false, body: '{"ok":true}' });
    });

    it('keeps two users apart when they send the same key', async () => {
      const guard = new PowertoolsIdempotencyGuard({ persistenceStore: await freshStore() });
      await guard.run({ key: 'officer#k1', request: { a: 1 } }, undefined, async () => created('{"who":"officer"}'));

      const other = await guard.run({ key: 'manager#k1', request: { a: 1 } }, undefined, async () => created('{"who":"manager"}'));

      expect({ replayed: other.replayed, body: other.response.body }).toEqual({ replayed: false, body: '{"who":"manager"}' });
    });

    it('sends an SMS attempt once: a second attempt under the same key gets the first result', async () => {
      const guard = new PowertoolsAttemptGuard({ persistenceStore: await freshStore() });
      let sends = 0;
      const send = async () => { sends++; return { providerMessageId: `m${sends}` }; };

      const first = await guard.once('sms#t1#1', send);
      const second = await guard.once('sms#t1#1', send);

      expect({ sends, first, second }).toEqual({ sends: 1, first: { status: 'done', value: { providerMessageId: 'm1' }, replayed: false }, second: { status: 'done', value: { providerMessageId: 'm1' }, replayed: true } });
    });

    it('reports an SMS attempt still in progress instead of sending it again', async () => {
      const guard = new PowertoolsAttemptGuard({ persistenceStore: await freshStore() });
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => { started = resolve; });
      const first = guard.once('sms#t1#1', () => new Promise<{ providerMessageId: string }>((resolve) => { release = () => resolve({ providerMessageId: 'm1' }); started(); }));
      await running;

      const second = await guard.once('sms#t1#1', async () => ({ providerMessageId: 'm2' }));

      expect(second).toEqual({ status: 'in-progress' });
      release();
      await first;
    });
  });
}
