import { IdempotencyItemAlreadyExistsError, IdempotencyItemNotFoundError } from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';

/** One stored record: the fields the DynamoDB layer keeps in its item. */
interface StoredRecord {
  status: IdempotencyRecord['status'];
  expiryTimestamp?: number;
  inProgressExpiryTimestamp?: number;
  responseData?: IdempotencyRecord['responseData'];
  payloadHash?: string;
}

/**
 * The in-memory twin of the IDEMPOTENCY table: a Powertools persistence layer over a Map, holding the
 * DynamoDB layer's put condition (absent, expired, or an in-progress record whose in-progress expiry passed)
 * and its update (status, expiry, response and validation hash). Powertools' own cache layer is not used:
 * it drops the validation hash on completion and treats an in-progress record without a Lambda context as
 * orphaned, so it would answer differently from the table. One contract suite holds both.
 */
export class MemoryIdempotencyStore extends BasePersistenceLayer {
  private readonly records = new Map<string, StoredRecord>();

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const stored = this.records.get(idempotencyKey);
    if (!stored) throw new IdempotencyItemNotFoundError();
    return this.toRecord(idempotencyKey, stored);
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const existing = this.records.get(record.idempotencyKey);
    if (existing && !this.replaceable(existing)) {
      throw new IdempotencyItemAlreadyExistsError(`Failed to put record for already existing idempotency key: ${record.idempotencyKey}`, this.toRecord(record.idempotencyKey, existing));
    }
    this.records.set(record.idempotencyKey, {
      status: record.getStatus(),
      expiryTimestamp: record.expiryTimestamp,
      inProgressExpiryTimestamp: record.inProgressExpiryTimestamp,
      payloadHash: this.isPayloadValidationEnabled() ? record.payloadHash : undefined,
    });
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    const existing = this.records.get(record.idempotencyKey) ?? { status: record.getStatus() };
    this.records.set(record.idempotencyKey, {
      ...existing,
      status: record.getStatus(),
      expiryTimestamp: record.expiryTimestamp,
      ...(record.responseData !== undefined ? { responseData: record.responseData } : {}),
      ...(this.isPayloadValidationEnabled() ? { payloadHash: record.payloadHash } : {}),
    });
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.records.delete(record.idempotencyKey);
  }

  /** The DynamoDB layer's put condition, read in the other direction. */
  private replaceable(stored: StoredRecord): boolean {
    const now = Date.now();
    const expired = stored.expiryTimestamp !== undefined && stored.expiryTimestamp < now / 1000;
    const inProgressLapsed = stored.status === 'INPROGRESS' && stored.inProgressExpiryTimestamp !== undefined && stored.inProgressExpiryTimestamp < now;
    return expired || inProgressLapsed;
  }

  private toRecord(idempotencyKey: string, stored: StoredRecord): IdempotencyRecord {
    return new IdempotencyRecord({ idempotencyKey, ...stored });
  }
}
