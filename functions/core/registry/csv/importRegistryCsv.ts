import type { RegistryImportStore } from '../../ports/RegistryImportStore.ts';
import type { Crew } from '../Crew.ts';
import { ConflictError } from '../../errors/ConflictError.ts';
import type { CsvProblem } from './CsvProblem.ts';
import { CsvSyntaxError, parseCsv } from './parseCsv.ts';
import { readRows, type RegistryKind, type RegistryRecords } from './readRows.ts';

export type ImportResult =
  | { ok: true; rows: number; created: string[]; changed: string[]; unchanged: number }
  | { ok: false; problems: CsvProblem[] };

/** JSON with sorted keys and no undefined values: two records with the same content compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/** Imports retried from a fresh read when the registry changed under them, before giving up with a conflict. */
export const IMPORT_TRIES = 3;

/**
 * Imports a registry CSV of roads, crews or vehicles. Every row is checked (cells, then across rows
 * and against the registry: known zones and depots, unique ids, a phone for one crew only); on any
 * problem nothing is written and every problem is returned with its line and column. A good file
 * replaces the kind's records in one step (the registry's records with the file's added or replaced),
 * so a failure part-way changes nothing and readers never see half a file; a file that changes
 * nothing writes nothing, so importing it again is a no-op. When the registry changes between the
 * check and the write, the whole import is checked again against the new registry.
 */
export async function importRegistryCsv<K extends RegistryKind>(store: RegistryImportStore, kind: K, text: string): Promise<ImportResult> {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problems: [{ line: error.line, column: error.at.header ?? `field ${error.at.field}`, reason: `${error.reason} (character ${error.at.character})` }] };
    throw error;
  }
  const read = readRows(kind, records);
  if (read.problems.some((p) => p.line === (records[0]?.line ?? 1)) || records.length === 0) return { ok: false, problems: read.problems };

  for (let attempt = 1; ; attempt++) {
    const [plan, zones, depots, snapshot] = await Promise.all([store.getPlan(), store.listZones(), store.listDepots(), store.readKind(kind)]);
    const existing = snapshot.records as RegistryRecords[K][];
    const problems = [...read.problems, ...registryProblems(read.rows, zones.map((z) => z.id), depots.flatMap((d) => [d.id, d.name]))];
    if (kind === 'crews') problems.push(...phoneProblems(read.rows as { line: number; record: Crew }[], existing as Crew[], plan.dutyOfficerPhone));
    if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

    const before = new Map((existing as { id: string }[]).map((r) => [r.id, canonical(r)]));
    const created: string[] = [];
    const changed: string[] = [];
    for (const { record } of read.rows) {
      const id = (record as { id: string }).id;
      const old = before.get(id);
      if (old !== canonical(record)) (old === undefined ? created : changed).push(id);
    }
    const result = { ok: true as const, rows: read.rows.length, created, changed, unchanged: read.rows.length - created.length - changed.length };
    if (created.length + changed.length === 0) return result;
    const merged = new Map((existing as { id: string }[]).map((r) => [r.id, r as RegistryRecords[K]]));
    for (const { record } of read.rows) merged.set((record as { id: string }).id, record);
    if ((await store.replaceKind(kind, [...merged.values()] as never[], snapshot.basis)) === 'replaced') return result;
    if (attempt >= IMPORT_TRIES) {
      throw new ConflictError(`the registry's ${kind} changed while the file was imported, ${IMPORT_TRIES} times; nothing was imported: send the file again`, { kind, tries: IMPORT_TRIES });
    }
  }
}

/** Ids unique within the file, zones and depots known to the registry. */
function registryProblems(rows: readonly { line: number; record: unknown }[], zoneIds: string[], depotKeyList: string[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const zones = new Set(zoneIds);
  const depotKeys = new Set(depotKeyList);
  const firstLine = new Map<string, number>();
  for (const { line, record } of rows) {
    const r = record as { id: string; zoneId: string; depot?: string };
    const seen = firstLine.get(r.id);
    if (seen !== undefined) problems.push({ line, column: 'id', reason: `"${r.id}" is already on line ${seen}` });
    else firstLine.set(r.id, line);
    if (!zones.has(r.zoneId)) problems.push({ line, column: 'zone', reason: `unknown zone "${r.zoneId}"; the registry has ${[...zones].join(', ') || 'no zones'}` });
    if (r.depot !== undefined && depotKeys.size > 0 && !depotKeys.has(r.depot)) problems.push({ line, column: 'depot', reason: `unknown depot "${r.depot}"` });
  }
  return problems;
}

/** A phone may belong to one crew only: replies are matched to their crew by phone. */
function phoneProblems(rows: { line: number; record: Crew }[], existing: Crew[], dutyOfficerPhone: string): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const inFile = new Set(rows.map((r) => r.record.id));
  const owner = new Map<string, string>([[dutyOfficerPhone, 'the duty officer (the plan)']]);
  for (const c of existing) if (!inFile.has(c.id)) for (const p of [c.leader.phone, c.backup.phone]) owner.set(p, `crew ${c.id} in the registry`);
  for (const { line, record } of rows) {
    for (const [column, phone] of [['leader_phone', record.leader.phone], ['backup_phone', record.backup.phone]] as const) {
      const other = owner.get(phone);
      if (other && other !== `line ${line}`) problems.push({ line, column, reason: `${phone.slice(0, 3)}… is already the phone of ${other}` });
      else owner.set(phone, `line ${line}`);
    }
  }
  return problems;
}
