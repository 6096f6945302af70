import type { Context } from 'aws-lambda';
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { AttemptGuard, GuardedResult } from '../../core/ports/AttemptGuard.ts';

export interface PowertoolsAttemptGuardOptions {
  /** The IDEMPOTENCY table (dynamoIdempotencyStore) or its in-memory twin (MemoryIdempotencyStore). */
  persistenceStore: BasePersistenceLayer;
  /** How long a completed attempt is remembered: longer than any retry or redelivery of a storm's events. */
  expiresAfterSeconds?: number;
}

/**
 * Exactly-once attempts with Powertools idempotency on the IDEMPOTENCY table: an INPROGRESS record is
 * written before the work and COMPLETED (with its result) after. The invocation's Lambda context is not
 * registered on purpose: an in-progress record must not expire when the invocation times out, because the
 * send may have happened; it stays in progress for the record's lifetime and is reported as such, and the
 * escalation ladder resends as a new attempt.
 */
export class PowertoolsAttemptGuard implements AttemptGuard {
  private readonly persistenceStore: BasePersistenceLayer;
  private readonly config: IdempotencyConfig;

  constructor(options: PowertoolsAttemptGuardOptions) {
    this.persistenceStore = options.persistenceStore;
    const expiresAfterSeconds = options.expiresAfterSeconds ?? 14 * 24 * 3600;
    this.config = new IdempotencyConfig({ eventKeyJmesPath: 'key', throwOnNoIdempotencyKey: true, expiresAfterSeconds });
    // In-progress records live as long as the record itself, instead of expiring with the invocation.
    this.config.registerLambdaContext({ getRemainingTimeInMillis: () => expiresAfterSeconds * 1000 } as unknown as Context);
  }

  async once<T extends Record<string, unknown>>(key: string, work: () => Promise<T>): Promise<GuardedResult<T>> {
    let ran = false;
    const run = makeIdempotent(async (_request: { key: string }) => {
      ran = true;
      return work();
    }, { persistenceStore: this.persistenceStore, config: this.config, keyPrefix: 'sms-attempt' });
    try {
      const value = (await run({ key })) as T;
      return { status: 'done', value, replayed: !ran };
    } catch (error) {
      if (error instanceof IdempotencyAlreadyInProgressError) return { status: 'in-progress' };
      throw error;
    }
  }
}
