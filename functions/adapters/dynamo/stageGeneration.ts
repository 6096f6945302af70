import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Crew } from '../../core/registry/Crew.ts';
import { transactIf, type NamedItem } from './conditionalWrite.ts';
import { deleteAll, putAll } from './putAll.ts';
import { queryAll } from './queryAll.ts';
import { phoneKey, recordPartition, switchGeneration, type Generation, type VersionedPartition } from './registryGenerations.ts';

/** The items of one generation of a kind: its records, and for crews their phone lookups. */
function generationItems(p: VersionedPartition, generation: string, records: readonly { id: string }[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (const r of records) {
    items.push({ pk: recordPartition(p, generation), sk: r.id, ...r });
    if (p === 'CREW') {
      const c = r as Crew;
      items.push({ ...phoneKey(c.leader.phone, generation), crewId: c.id, role: 'leader' });
      items.push({ ...phoneKey(c.backup.phone, generation), crewId: c.id, role: 'backup' });
    }
  }
  return items;
}

const keyOf = (item: Record<string, unknown>) => ({ pk: item.pk, sk: item.sk });

/** One kind's records to stage, against the generation they replace. */
export interface KindToStage { p: VersionedPartition; current: Generation; records: readonly { id: string }[] }

/**
 * Writes each kind's records as a new generation beside its current one, then switches them all in with
 * one conditional write (with `alsoWritten`, e.g. the duty officer's phone checked unchanged, or a city's
 * plan and zones). Until the switch no reader sees any of it; a failure part-way or a refused switch leaves
 * the registry as it was (the staged items are deleted). After a switch the generation before the replaced
 * one is deleted: the replaced one stays whole for readers that read the pointer just before the switch.
 */
export async function stageGeneration(db: DynamoDBDocumentClient, tableName: string, kinds: readonly KindToStage[], alsoWritten: NamedItem[]): Promise<'replaced' | 'stale'> {
  const staged = kinds.map((k) => ({ ...k, generation: randomUUID().replaceAll('-', '') }));
  const items = staged.flatMap((k) => generationItems(k.p, k.generation, k.records));
  const discard = () => deleteAll(db, tableName, items.map(keyOf), 'discarding staged generations').catch(() => undefined);
  try {
    await putAll(db, tableName, items, `staging ${staged.map((k) => `${k.records.length} ${k.p}`).join(', ')} records`);
  } catch (error) {
    await discard();
    throw error;
  }
  const out = await transactIf(db, [...staged.map((k) => switchGeneration(tableName, k.p, k.current, k.generation)), ...alsoWritten]);
  if (out.outcome === 'refused') {
    await discard();
    return 'stale';
  }
  for (const { p, current } of staged) if (current.previous !== undefined) await dropGeneration(db, tableName, p, current.previous).catch(() => undefined);
  return 'replaced';
}

/** Deletes one generation's records (and crews' phone lookups). */
async function dropGeneration(db: DynamoDBDocumentClient, tableName: string, p: VersionedPartition, generation: string): Promise<void> {
  const records = await queryAll<{ id: string }>(db, { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': recordPartition(p, generation) } });
  await deleteAll(db, tableName, generationItems(p, generation, records).map(keyOf), `dropping ${p} generation ${generation || '(first)'}`);
}

