import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Task } from '../../core/operations/Task.ts';
import { operationsKeys, type LockKind } from '../../config/operationsKeys.ts';

/** A crew's or a vehicle's lock: which team holds it and how many open tasks keep it held. */
export interface LockItem {
  activationId: string;
  crewId: string;
  vehicleId: string;
  openTasks: number;
  /** False while a team of more than one transaction is still being written. */
  complete: boolean;
}

export async function getLock(db: DynamoDBDocumentClient, tableName: string, kind: LockKind, id: string): Promise<LockItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: operationsKeys.lock(kind, id), ConsistentRead: true }));
  return out.Item as LockItem | undefined;
}

export const coverKey = (t: Task) => operationsKeys.cover(t.activationId, t.roadId, t.pass);
