import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BannedPhones, PhoneBan } from '../../core/ports/BannedPhones.ts';
import { writeIf } from './conditionalWrite.ts';

const banKey = (phoneHash: string) => ({ pk: `BAN#${phoneHash}`, sk: 'BAN' });

/** Banned reporters' numbers in the citizen table: one item per number's hash, never expiring, the first ban kept. */
export class DynamoBannedPhones implements BannedPhones {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async ban(phoneHash: string, ban: PhoneBan): Promise<boolean> {
    const outcome = await writeIf(this.db, { Put: { TableName: this.tableName, Item: { ...banKey(phoneHash), ...ban }, ConditionExpression: 'attribute_not_exists(pk)' } });
    return outcome === 'written';
  }

  async banOf(phoneHash: string): Promise<PhoneBan | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: banKey(phoneHash), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { at, actor, reason, caseId } = out.Item as PhoneBan;
    return { at, actor, reason, caseId };
  }
}
