import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SmsMessage } from '../../core/operations/SmsMessage.ts';
import type { SmsRecords } from '../../core/ports/SmsRecords.ts';
import { operationsKeys, PREFIX, shardPartitions } from '../../config/operationsKeys.ts';
import { writeIf } from './conditionalWrite.ts';
import { queryShards } from './queryShards.ts';
import { stripKeys } from './stripKeys.ts';

const messageItem = (m: SmsMessage): Record<string, unknown> => ({ ...operationsKeys.message(m.activationId, m.id), ...m });

/** SMS records in their activation's message shards (pk ACT#<id>#M#<shard>, sk MSG#<id>). */
export class DynamoSmsRecords implements SmsRecords {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async claimMessage(message: SmsMessage): Promise<'claimed' | 'exists'> {
    const out = await writeIf(this.db, { Put: { TableName: this.tableName, Item: messageItem(message), ConditionExpression: 'attribute_not_exists(pk)' } });
    return out === 'written' ? 'claimed' : 'exists';
  }

  async completeMessage(message: SmsMessage): Promise<boolean> {
    // A known end (sent, failed) may replace "in-doubt" written by a concurrent retry; "in-doubt" replaces only "queued".
    const doubt = message.state === 'in-doubt';
    return (await writeIf(this.db, { Put: {
      TableName: this.tableName, Item: messageItem(message),
      ConditionExpression: `attribute_exists(pk) AND ${doubt ? '#state = :queued' : '#state IN (:queued, :doubt)'}`,
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: doubt ? { ':queued': 'queued' } : { ':queued': 'queued', ':doubt': 'in-doubt' },
    } }, true)) === 'written';
  }

  async getMessage(activationId: string, id: string): Promise<SmsMessage | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.message(activationId, id), ConsistentRead: true }));
    return out.Item ? stripKeys<SmsMessage>(out.Item) : undefined;
  }

  async listMessages(activationId: string): Promise<SmsMessage[]> {
    return this.listMessagesStartingWith(activationId, '');
  }

  async listMessagesStartingWith(activationId: string, idPrefix: string): Promise<SmsMessage[]> {
    // Every shard is queried (messages are spread by id), each for the keys under the prefix only.
    const items = await queryShards<Record<string, unknown>>(this.db, shardPartitions.ofActivation(activationId, 'message'), {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)', ConsistentRead: true,
      ExpressionAttributeValues: { ':m': `${PREFIX.message}${idPrefix}` },
    });
    return items.map((i) => stripKeys<SmsMessage>(i));
  }
}
