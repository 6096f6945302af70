import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { INBOUND_RUN_MS, type InboundClaim, type InboundClaims, type InboundNote } from '../../core/ports/InboundClaims.ts';
import { operationsKeys } from '../../config/operationsKeys.ts';
import { writeIf } from './conditionalWrite.ts';

const INBOUND_TTL_S = 7 * 24 * 3600;

/** Inbound SMS claims (pk=INBOUND#<id>), expiring after a week. */
export class DynamoInboundClaims implements InboundClaims {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async claimInbound(inboundMessageId: string, at: string): Promise<InboundClaim> {
    const claimed = await writeIf(this.db, { Put: {
      TableName: this.tableName, ConditionExpression: 'attribute_not_exists(pk)',
      Item: { ...operationsKeys.inbound(inboundMessageId), at, state: 'received', expiresAt: Math.floor(Date.parse(at) / 1000) + INBOUND_TTL_S },
    } }, true);
    if (claimed === 'written') return { status: 'new' };
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.inbound(inboundMessageId), ConsistentRead: true }));
    // Claims written before handling was tracked have no state: they were handled.
    const state = out.Item?.state as string | undefined;
    const abandoned = state === 'received' && Date.parse(at) - Date.parse(out.Item!.at as string) > INBOUND_RUN_MS;
    if (state !== 'released' && !abandoned) return { status: 'duplicate' };
    const note = out.Item!.note as InboundNote | undefined;
    return { status: 'unfinished', ...(note ? { note } : {}) };
  }

  async releaseInbound(inboundMessageId: string): Promise<void> {
    // Refused when it is no longer 'received' (handled meanwhile): nothing to give up.
    await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.inbound(inboundMessageId), ConditionExpression: '#state = :received',
      UpdateExpression: 'SET #state = :released', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':received': 'received', ':released': 'released' },
    } });
  }

  async noteInbound(inboundMessageId: string, note: InboundNote): Promise<void> {
    await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: operationsKeys.inbound(inboundMessageId), UpdateExpression: 'SET note = :n', ExpressionAttributeValues: { ':n': note } }));
  }

  async finishInbound(inboundMessageId: string): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.tableName, Key: operationsKeys.inbound(inboundMessageId), UpdateExpression: 'SET #state = :handled',
      ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':handled': 'handled' },
    }));
  }
}
