import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OPEN_LANES, operationsKeys } from '../../config/operationsKeys.ts';
import { transactIf, type NamedItem } from './conditionalWrite.ts';

/** One item per open mark of an activation (operationsKeys.openLane), each named `open:<lane>` in its transaction. */
export function openMarkItems(id: string, item: (key: { pk: string; sk: string }) => NamedItem['item']): NamedItem[] {
  return Array.from({ length: OPEN_LANES }, (_, lane) => ({ name: `open:${lane}`, item: item(operationsKeys.openLane(id, lane)) }));
}

/**
 * Writes the open marks of an activation that is open but has none: one opened before the marks existed (a deploy in
 * the middle of a storm), whose bookings would all be refused as if it were closed. One transaction, conditioned on
 * the record still being open, so a close that lands first leaves it closed. True when the activation is open (its
 * marks now there); false when it is not.
 */
export async function restoreOpenMarks(db: DynamoDBDocumentClient, tableName: string, id: string): Promise<boolean> {
  const out = await transactIf(db, [
    { name: 'activation', item: { ConditionCheck: { TableName: tableName, Key: operationsKeys.activation(id), ConditionExpression: '#status = :open', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':open': 'open' } } } },
    ...openMarkItems(id, (key) => ({ Put: { TableName: tableName, Item: { ...key, activationId: id } } })),
  ]);
  return out.outcome === 'written';
}
