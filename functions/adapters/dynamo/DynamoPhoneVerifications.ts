import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { sha256 } from '../../core/citizen/caseKeys.ts';
import type { CodeAttempt, PhoneVerifications } from '../../core/ports/PhoneVerifications.ts';

/** DynamoDB's TTL wants epoch seconds; a day's grace, as the sweep is lazy and reads check `lapsesAt` anyway. */
const ttl = (iso: string) => Math.floor(Date.parse(iso) / 1000) + 86_400;
/** Phones are keys here only as their hashes. */
const codeKey = (phone: string) => ({ pk: `CODE#${sha256(phone)}`, sk: 'CODE' });

/** SMS codes and passes in the citizen table (CITIZEN_TABLE's access patterns). */
export class DynamoPhoneVerifications implements PhoneVerifications {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async putCode(phone: string, code: { codeHash: string; expiresAt: string }): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...codeKey(phone), codeHash: code.codeHash, lapsesAt: code.expiresAt, attempts: 0, expiresAt: ttl(code.expiresAt) } }));
  }

  async countAttempt(phone: string, now: string, maxAttempts: number): Promise<CodeAttempt> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.tableName,
        Key: codeKey(phone),
        UpdateExpression: 'SET attempts = attempts + :one',
        ConditionExpression: 'attribute_exists(pk) AND lapsesAt > :now AND attempts < :max',
        ExpressionAttributeValues: { ':one': 1, ':now': now, ':max': maxAttempts },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      const item = out.Attributes!;
      return { status: 'counted', code: { codeHash: item.codeHash as string, expiresAt: item.lapsesAt as string, attempts: item.attempts as number } };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = error.Item ? unmarshall(error.Item) : undefined;
      if (!old || (old.lapsesAt as string) <= now) return { status: 'none' };
      return { status: 'exhausted' };
    }
  }

  async removeCode(phone: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: codeKey(phone) }));
  }

  async putPass(passHash: string, phone: string, expiresAt: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: `PASS#${passHash}`, sk: 'PASS', phone, lapsesAt: expiresAt, expiresAt: ttl(expiresAt) } }));
  }

  async findPass(passHash: string, now: string): Promise<string | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `PASS#${passHash}`, sk: 'PASS' }, ConsistentRead: true }));
    return out.Item && (out.Item.lapsesAt as string) > now ? (out.Item.phone as string) : undefined;
  }
}
