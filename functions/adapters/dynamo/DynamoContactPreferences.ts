import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContactPreferences } from '../../core/ports/ContactPreferences.ts';
import { operationsKeys } from '../../config/operationsKeys.ts';
import { writeIf } from './conditionalWrite.ts';

/** Opt-outs (OPTOUT#<e164>) and help replies (HELP#<e164>, expiring) in the operations table. */
export class DynamoContactPreferences implements ContactPreferences {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async recordOptOut(phone: string, at: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...operationsKeys.optOut(phone), at } }));
  }

  async isOptedOut(phone: string): Promise<boolean> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.optOut(phone) }));
    return out.Item !== undefined;
  }

  async claimHelpReply(phone: string, at: string, windowMinutes: number, forMessage: string): Promise<boolean> {
    const cutoff = new Date(Date.parse(at) - windowMinutes * 60_000).toISOString();
    // Keyed by the SMS answered, so that the SDK's resend and a retried delivery both recognise their own claim.
    return (await writeIf(this.db, { Put: {
      TableName: this.tableName,
      Item: { ...operationsKeys.helpReply(phone), at, expiresAt: Math.floor(Date.parse(at) / 1000) + windowMinutes * 60 },
      ConditionExpression: 'attribute_not_exists(pk) OR #at < :cutoff',
      ExpressionAttributeNames: { '#at': 'at' }, ExpressionAttributeValues: { ':cutoff': cutoff },
    } }, `inbound:${forMessage}`)) === 'written';
  }
}
