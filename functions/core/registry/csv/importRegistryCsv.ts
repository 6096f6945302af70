import type { RegistryImportStore } from '../../ports/RegistryImportStore.ts';
import type { Crew } from '../Crew.ts';
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

/**
 * Imports a registry CSV of roads, crews or vehicles. Every row is checked (cells, then across rows
 * and against the registry: known zones and depots, unique ids, a phone for one crew only); on any
 * problem nothing is written and every problem is returned with its line and column. A good file
 * is written record by record only where it differs from the registry, so importing it again
 * changes nothing.
 */
export async function importRegistryCsv<K extends RegistryKind>(store: RegistryImportStore, kind: K, text: string): Promise<ImportResult> {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problems: [{ line: error.line, column: error.at.header ?? `field ${error.at.field}`, reason: `${error.reason} (character ${error.at.character})` }] };
    throw error;
  }
  const { rows, problems } = readRows(kind, records);
  if (problems.some((p) => p.line === (records[0]?.line ?? 1)) || records.length === 0) return { ok: false, problems };

  const [plan, zones, depots, existing] = await Promise.all([
    store.getPlan(), store.listZones(), store.listDepots(),
    (kind === 'roads' ? store.listRoads() : kind === 'crews' ? store.listCrews() : store.listVehicles()) as Promise<RegistryRecords[K][]>,
  ]);
  const zoneIds = new Set(zones.map((z) => z.id));
  const depotKeys = new Set(depots.flatMap((d) => [d.id, d.name]));
  const firstLine = new Map<string, number>();
  for (const { line, record } of rows) {
    const r = record as { id: string; zoneId: string; depot?: string };
    const seen = firstLine.get(r.id);
    if (seen !== undefined) problems.push({ line, column: 'id', reason: `"${r.id}" is already on line ${seen}` });
    else firstLine.set(r.id, line);
    if (!zoneIds.has(r.zoneId)) problems.push({ line, column: 'zone', reason: `unknown zone "${r.zoneId}"; the registry has ${[...zoneIds].join(', ') || 'no zones'}` });
    if (r.depot !== undefined && depotKeys.size > 0 && !depotKeys.has(r.depot)) problems.push({ line, column: 'depot', reason: `unknown depot "${r.depot}"` });
  }
  if (kind === 'crews') problems.push(...phoneProblems(rows as { line: number; record: Crew }[], existing as Crew[], plan.dutyOfficerPhone));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const before = new Map((existing as { id: string }[]).map((r) => [r.id, canonical(r)]));
  const created: string[] = [];
  const changed: string[] = [];
  const toWrite: RegistryRecords[K][] = [];
  for (const { record } of rows) {
    const id = (record as { id: string }).id;
    const old = before.get(id);
    if (old === canonical(record)) continue;
    (old === undefined ? created : changed).push(id);
    toWrite.push(record);
  }
  if (toWrite.length > 0) {
    await store.put({ [kind]: toWrite } as { roads?: never[] });
    if (kind === 'crews') {
      const byId = new Map((existing as Crew[]).map((c) => [c.id, c]));
      const stale = (toWrite as Crew[]).flatMap((c) => {
        const old = byId.get(c.id);
        const now = new Set([c.leader.phone, c.backup.phone]);
        return old ? [old.leader.phone, old.backup.phone].filter((p) => !now.has(p)).map((phone) => ({ phone, crewId: c.id })) : [];
      });
      if (stale.length > 0) await store.removePhoneLinks(stale);
    }
  }
  return { ok: true, rows: rows.length, created, changed, unchanged: rows.length - created.length - changed.length };
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
