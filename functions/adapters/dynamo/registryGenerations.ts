import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ImportKind } from '../../core/ports/RegistryImportStore.ts';
import type { NamedItem } from './conditionalWrite.ts';

/**
 * Roads, crews (with their phone lookups) and vehicles live in generations, so that an import can
 * stage a whole new set beside the current one and switch it in with one conditional write. A pointer
 * per kind (pk=GENERATION sk=ROAD|CREW|VEHICLE) names the current generation and counts the writes to
 * it (revision). Generation '' is the one before any import: partitions ROAD, CREW, VEHICLE, PHONE#<e164>.
 */
export type VersionedPartition = 'ROAD' | 'CREW' | 'VEHICLE';

export const VERSIONED: Record<ImportKind, VersionedPartition> = { roads: 'ROAD', crews: 'CREW', vehicles: 'VEHICLE' };

export interface Generation {
  id: string;
  /** Writes since the generation was switched in; 0 when none. */
  revision: number;
  /** Whether the pointer item exists (it does not before the first write through it). */
  stored: boolean;
  /** The generation this one replaced, kept readable for readers that read the pointer before the switch. */
  previous?: string;
}

export const generationKey = (p: VersionedPartition) => ({ pk: 'GENERATION', sk: p });
export const recordPartition = (p: VersionedPartition, generation: string) => (generation === '' ? p : `${p}@${generation}`);
export const phoneKey = (phone: string, generation: string) => ({ pk: generation === '' ? `PHONE#${phone}` : `PHONE@${generation}#${phone}`, sk: 'CREW' });

export async function readGeneration(db: DynamoDBDocumentClient, tableName: string, p: VersionedPartition): Promise<Generation> {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: generationKey(p), ConsistentRead: true }));
  if (!out.Item) return { id: '', revision: 0, stored: false };
  return { id: out.Item.generation as string, revision: out.Item.revision as number, stored: true, ...(out.Item.previous !== undefined ? { previous: out.Item.previous as string } : {}) };
}

/** The pointer's condition that nothing was written to the kind since `g` was read. */
function unchangedSince(g: Generation): { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } {
  return g.stored
    ? { ConditionExpression: 'generation = :g AND revision = :r', ExpressionAttributeValues: { ':g': g.id, ':r': g.revision } }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
}

/** One write to the kind, in the same transaction as the write itself: refused ('generation') when anything was written since `g` was read. */
export function bumpRevision(tableName: string, p: VersionedPartition, g: Generation): NamedItem {
  const { ConditionExpression, ExpressionAttributeValues } = unchangedSince(g);
  return {
    name: 'generation',
    item: { Update: {
      TableName: tableName, Key: generationKey(p), ConditionExpression,
      UpdateExpression: 'SET generation = :gen, revision = :next',
      ExpressionAttributeValues: { ...ExpressionAttributeValues, ':gen': g.id, ':next': g.revision + 1 },
    } },
  };
}

/** Switches `staged` in as the kind's generation, unless anything was written since `g` was read. */
export function switchGeneration(tableName: string, p: VersionedPartition, g: Generation, staged: string): NamedItem {
  const { ConditionExpression, ExpressionAttributeValues } = unchangedSince(g);
  return {
    name: 'generation',
    item: { Put: { TableName: tableName, Item: { ...generationKey(p), generation: staged, revision: 0, previous: g.id }, ConditionExpression, ...(ExpressionAttributeValues ? { ExpressionAttributeValues } : {}) } },
  };
}

/** The pointer unchanged since `g`, checked without writing (a plan save that must not race a crew's phone). */
export function checkUnchanged(tableName: string, p: VersionedPartition, g: Generation): NamedItem {
  return { name: 'generation', item: { ConditionCheck: { TableName: tableName, Key: generationKey(p), ...unchangedSince(g) } } };
}
