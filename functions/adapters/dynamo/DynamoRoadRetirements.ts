import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RoadRetirements } from '../../core/ports/RoadRetirements.ts';
import { operationsKeys } from '../../config/operationsKeys.ts';
import { writeIf, type NamedItem } from './conditionalWrite.ts';

/** Kept a day past its end, then swept by the table's TTL (an expired mark already blocks nothing). */
const KEEP_SECONDS = 86_400;
const expiresAt = (until: string) => Math.floor(Date.parse(until) / 1000) + KEEP_SECONDS;

/**
 * Road marks in the operations table (pk=RETIRING#<road>): `phase` retiring | retired, `until` (ISO), and the
 * deletion's token as the write id, so a Put that landed and was sent again is recognised as its own.
 */
export class DynamoRoadRetirements implements RoadRetirements {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async beginRetiring(roadId: string, token: string, at: string, until: string): Promise<'marked' | 'busy'> {
    // A retired mark gives way to a new deletion: the road was saved again (through an import) and is deleted again.
    const out = await writeIf(this.db, { Put: {
      TableName: this.tableName, Item: { ...operationsKeys.roadRetirement(roadId), phase: 'retiring', until, expiresAt: expiresAt(until) },
      ConditionExpression: 'attribute_not_exists(pk) OR #until < :at OR phase = :retired',
      ExpressionAttributeNames: { '#until': 'until' }, ExpressionAttributeValues: { ':at': at, ':retired': 'retired' },
    } }, token);
    return out === 'written' ? 'marked' : 'busy';
  }

  async markRetired(roadId: string, token: string, until: string): Promise<void> {
    await writeIf(this.db, { Update: {
      TableName: this.tableName, Key: operationsKeys.roadRetirement(roadId),
      UpdateExpression: 'SET phase = :retired, #until = :until, expiresAt = :ttl', ConditionExpression: 'writeId = :token',
      ExpressionAttributeNames: { '#until': 'until' }, ExpressionAttributeValues: { ':retired': 'retired', ':until': until, ':ttl': expiresAt(until), ':token': token },
    } });
  }

  async cancelRetiring(roadId: string, token: string): Promise<void> {
    await writeIf(this.db, { Delete: { TableName: this.tableName, Key: operationsKeys.roadRetirement(roadId), ConditionExpression: 'writeId = :token', ExpressionAttributeValues: { ':token': token } } });
  }

  async clearRetired(roadId: string): Promise<void> {
    await writeIf(this.db, { Delete: { TableName: this.tableName, Key: operationsKeys.roadRetirement(roadId), ConditionExpression: 'phase = :retired', ExpressionAttributeValues: { ':retired': 'retired' } } });
  }
}

/** The check a booking transaction holds on one of its roads: no mark, or one already expired at the booking's time. */
export function roadNotRetiring(tableName: string, roadId: string, at: string): NamedItem {
  return { name: `road:${roadId}`, item: { ConditionCheck: {
    TableName: tableName, Key: operationsKeys.roadRetirement(roadId), ConditionExpression: 'attribute_not_exists(pk) OR #until < :at',
    ExpressionAttributeNames: { '#until': 'until' }, ExpressionAttributeValues: { ':at': at },
  } } };
}
