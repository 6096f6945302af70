import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContactPreferences } from '../../core/ports/ContactPreferences.ts';
import { operationsKeys } from '../../config/operationsKeys.ts';
import { writeIf } from './conditionalWrite.ts';

/** Opt-outs (OPTOUT#<e164>), help replies (HELP#<e164>, expiring) and answers per rate window (ANSWERS#<e164>, expiring) in the operations table. */
/** Answer counters outlive any rate window (minutes to hours); swept by TTL a day after their window starts. */
const ANSWER_WINDOW_KEEP_SECONDS = 86_400;

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

  async claimReplyAnswer(phone: string, windowStart: string, limit: number, forMessage: string): Promise<boolean> {
    // The set of inbound SMS answered, not a bare count: a retried SMS is found in it and not counted twice.
    return (await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.replyAnswers(phone, windowStart),
      UpdateExpression: 'ADD answered :one SET expiresAt = if_not_exists(expiresAt, :ttl)',
      ConditionExpression: 'attribute_not_exists(answered) OR size(answered) < :limit OR contains(answered, :id)',
      ExpressionAttributeValues: { ':one': new Set([forMessage]), ':id': forMessage, ':limit': limit, ':ttl': Math.floor(Date.parse(windowStart) / 1000) + ANSWER_WINDOW_KEEP_SECONDS },
    } })) === 'written';
  }
}
