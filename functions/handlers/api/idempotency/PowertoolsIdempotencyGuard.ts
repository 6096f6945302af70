import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { ApiResponse } from '../http/ApiResponse.ts';
import type { IdempotencyGuard, IdempotentRequest } from './IdempotencyGuard.ts';

/** Powertools idempotency on the IDEMPOTENCY table (or its in-memory twin): one record per (user, key), kept a day. */
export class PowertoolsIdempotencyGuard implements IdempotencyGuard {
  private readonly persistenceStore: BasePersistenceLayer;
  private readonly config: IdempotencyConfig;

  constructor(options: { persistenceStore: BasePersistenceLayer; expiresAfterSeconds?: number }) {
    this.persistenceStore = options.persistenceStore;
    this.config = new IdempotencyConfig({ eventKeyJmesPath: 'key', payloadValidationJmesPath: 'request', expiresAfterSeconds: options.expiresAfterSeconds ?? 86_400 });
  }

  async run(request: IdempotentRequest, context: Context | undefined, work: () => Promise<ApiResponse>): Promise<{ response: ApiResponse; replayed: boolean }> {
    let executed = false;
    // The remaining time bounds how long an interrupted first attempt blocks its key.
    if (context) this.config.registerLambdaContext(context);
    const once = makeIdempotent(async (_request: IdempotentRequest): Promise<ApiResponse> => {
      executed = true;
      return work();
    }, { persistenceStore: this.persistenceStore, config: this.config, keyPrefix: 'snowops-api' });
    const response = await once(request);
    return { response, replayed: !executed };
  }
}
