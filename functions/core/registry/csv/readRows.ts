import type * as z from '../../../config/zod.ts';
import { LANGUAGES } from '../Language.ts';
import { EQUIPMENT_CLASSES } from '../EquipmentClass.ts';
import { crewSchema, type Crew } from '../Crew.ts';
import { roadSchema, type Road } from '../Road.ts';
import { VEHICLE_STATUSES, vehicleSchema, type Vehicle } from '../Vehicle.ts';
import { boolean, classes, clock, LEVEL_COLUMNS, line, number, oneOf, text, type Cell } from './cells.ts';
import type { CsvProblem } from './CsvProblem.ts';
import type { CsvRecord } from './parseCsv.ts';
import { NUMBER_LIMITS } from '../limits.ts';

export type RegistryKind = 'roads' | 'crews' | 'vehicles';
export const REGISTRY_KINDS: readonly RegistryKind[] = ['roads', 'crews', 'vehicles'];

interface Column {
  name: string;
  required: boolean;
}

/** The columns each file may have; required ones must be present in the header (and filled). */
export const COLUMNS: Record<RegistryKind, Column[]> = {
  roads: [
    ...['id', 'name', 'zone', 'tier', 'lane_km', 'passes', 'agent_allowed'].map((name) => ({ name, required: true })),
    ...['lat', 'lon', 'line', ...LEVEL_COLUMNS.map((l) => `passes_${l}`), ...LEVEL_COLUMNS.map((l) => `target_h_${l}`)].map((name) => ({ name, required: false })),
  ],
  crews: [
    ...['id', 'name', 'zone', 'depot', 'size', 'leader_name', 'leader_phone', 'backup_name', 'backup_phone', 'certified'].map((name) => ({ name, required: true })),
    ...['leader_language', 'backup_language', 'shift_start', 'shift_end', 'hours_worked'].map((name) => ({ name, required: false })),
  ],
  vehicles: [
    ...['id', 'label', 'class', 'zone', 'depot', 'status', 'work_rate'].map((name) => ({ name, required: true })),
    ...['chloride_agent', 'material_capacity'].map((name) => ({ name, required: false })),
  ],
};

/** Reads one row's cells into a record; every bad cell becomes a problem naming its column. */
class RowReader {
  readonly problems: CsvProblem[] = [];
  constructor(private readonly row: Map<string, string>, private readonly lineNo: number) {}

  value(column: string): string {
    return this.row.get(column) ?? '';
  }

  has(column: string): boolean {
    return (this.row.get(column) ?? '').trim() !== '';
  }

  read<T>(column: string, parse: (raw: string) => Cell<T>): T | undefined {
    const result = parse(this.row.get(column) ?? '');
    if (result.ok) return result.value;
    this.problems.push({ line: this.lineNo, column, reason: result.reason });
    return undefined;
  }

  optional<T>(column: string, parse: (raw: string) => Cell<T>): T | undefined {
    return this.has(column) ? this.read(column, parse) : undefined;
  }

  fail(column: string, reason: string): void {
    this.problems.push({ line: this.lineNo, column, reason });
  }
}

function levelRecord<T>(r: RowReader, prefix: string, parse: (raw: string) => Cell<T>): Partial<Record<(typeof LEVEL_COLUMNS)[number], T>> | undefined {
  const out: Partial<Record<(typeof LEVEL_COLUMNS)[number], T>> = {};
  for (const level of LEVEL_COLUMNS) {
    const v = r.optional(`${prefix}${level}`, parse);
    if (v !== undefined) out[level] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function readRoad(r: RowReader): Record<string, unknown> {
  const geometry = r.optional('line', line);
  let lat = r.optional('lat', (x) => number(x, { min: -90, max: 90 }));
  let lon = r.optional('lon', (x) => number(x, { min: -180, max: 180 }));
  if (!r.has('line') && (!r.has('lat') || !r.has('lon'))) r.fail(r.has('lat') ? 'lon' : 'lat', 'is required: a point (lat, lon) or a line');
  if (geometry && lat === undefined && lon === undefined) {
    // The reference point of a line is its middle vertex.
    [lat, lon] = geometry[Math.floor((geometry.length - 1) / 2)]!;
  }
  const tier = r.read('tier', (x) => oneOf(x, ['1', '2', '3'] as const));
  return {
    id: r.read('id', text), name: r.read('name', text), zoneId: r.read('zone', text), tier: tier === undefined ? undefined : Number(tier),
    laneKm: r.read('lane_km', (x) => number(x, NUMBER_LIMITS.laneKm)),
    latitude: lat, longitude: lon, passes: r.read('passes', classes), agentAllowed: r.read('agent_allowed', boolean),
    line: geometry, passesByLevel: levelRecord(r, 'passes_', classes), targetHoursByLevel: levelRecord(r, 'target_h_', (x) => number(x, NUMBER_LIMITS.targetHours)),
  };
}

function readCrew(r: RowReader): Record<string, unknown> {
  const language = (raw: string) => (raw.trim() === '' ? ({ ok: true, value: 'zh-CN' } as const) : oneOf(raw, LANGUAGES));
  const start = r.optional('shift_start', clock);
  const end = r.optional('shift_end', clock);
  if (r.has('shift_start') !== r.has('shift_end')) r.fail(r.has('shift_start') ? 'shift_end' : 'shift_start', 'is required when the other end of the shift is given');
  if (start !== undefined && start === end) r.fail('shift_end', 'must differ from shift_start');
  if (r.has('leader_phone') && r.has('backup_phone') && phone(r.value('leader_phone')).ok && r.value('leader_phone').replace(/[\s-]/g, '') === r.value('backup_phone').replace(/[\s-]/g, '')) {
    r.fail('backup_phone', 'must differ from leader_phone (replies are matched to a crew and role by phone)');
  }
  return {
    id: r.read('id', text), name: r.read('name', text), zoneId: r.read('zone', text), depot: r.read('depot', text),
    size: r.read('size', (x) => number(x, { ...NUMBER_LIMITS.crewSize, integer: true })),
    leader: { name: r.read('leader_name', text), phone: r.read('leader_phone', phone), language: r.read('leader_language', language) },
    backup: { name: r.read('backup_name', text), phone: r.read('backup_phone', phone), language: r.read('backup_language', language) },
    certified: r.read('certified', classes),
    shift: start !== undefined && end !== undefined ? { start, end } : undefined,
    hoursWorked: r.optional('hours_worked', (x) => number(x, NUMBER_LIMITS.hoursWorked)),
  };
}

function readVehicle(r: RowReader): Record<string, unknown> {
  const cls = r.read('class', (x) => oneOf(x, EQUIPMENT_CLASSES));
  const chloride = r.optional('chloride_agent', boolean) ?? false;
  if (chloride && cls !== undefined && cls !== 'spreader') r.fail('chloride_agent', 'only a spreader carries de-icing agent');
  return {
    id: r.read('id', text), label: r.read('label', text), class: cls, zoneId: r.read('zone', text), depot: r.read('depot', text),
    status: r.read('status', (x) => oneOf(x, VEHICLE_STATUSES)), workRateLaneKmPerH: r.read('work_rate', (x) => number(x, NUMBER_LIMITS.workRateLaneKmPerH)),
    chlorideAgent: chloride, materialCapacityLaneKm: r.optional('material_capacity', (x) => number(x, NUMBER_LIMITS.materialCapacityLaneKm)),
  };
}

function phone(raw: string): Cell<string> {
  const t = raw.trim().replace(/[\s-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(t) ? { ok: true, value: t } : { ok: false, reason: `must be an E.164 phone number such as +8613812345678 (got "${raw}")` };
}

/** The domain type of each kind. */
export interface RegistryRecords { roads: Road; crews: Crew; vehicles: Vehicle }

const SCHEMAS = { roads: roadSchema, crews: crewSchema, vehicles: vehicleSchema } satisfies Record<RegistryKind, z.ZodMiniType>;

/** Where a schema path points in the file, for the rare problem only the schema catches. */
const PATH_COLUMNS: Record<string, string> = {
  zoneId: 'zone', laneKm: 'lane_km', latitude: 'lat', longitude: 'lon', agentAllowed: 'agent_allowed', workRateLaneKmPerH: 'work_rate',
  chlorideAgent: 'chloride_agent', materialCapacityLaneKm: 'material_capacity', hoursWorked: 'hours_worked', 'leader.name': 'leader_name',
  'leader.phone': 'leader_phone', 'leader.language': 'leader_language', 'backup.name': 'backup_name', 'backup.phone': 'backup_phone',
  'backup.language': 'backup_language', 'shift.start': 'shift_start', 'shift.end': 'shift_end',
};

/**
 * Reads a registry CSV (header + rows) into records of `kind`, checking every row and every cell:
 * header columns known and required ones present, each value well-formed. Returns the records of
 * good rows and a problem (line, column, reason) for every bad cell.
 */
export function readRows<K extends RegistryKind>(kind: K, records: readonly CsvRecord[]): { rows: { line: number; record: RegistryRecords[K] }[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 1, column: '-', reason: 'the file is empty; the first line must name the columns' }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const known = new Set(COLUMNS[kind].map((c) => c.name.toLowerCase()));
  names.forEach((n) => { if (!known.has(n)) problems.push({ line: header.line, column: n || '(blank)', reason: `unknown column for ${kind}; expected ${COLUMNS[kind].map((c) => c.name).join(', ')}` }); });
  for (const c of COLUMNS[kind]) if (c.required && !names.includes(c.name.toLowerCase())) problems.push({ line: header.line, column: c.name, reason: 'required column is missing from the header' });
  names.forEach((n, i) => { if (names.indexOf(n) !== i) problems.push({ line: header.line, column: n, reason: 'column appears twice' }); });
  if (problems.length > 0) return { rows: [], problems };
  const canonical = new Map(COLUMNS[kind].map((c) => [c.name.toLowerCase(), c.name]));
  const rows: { line: number; record: RegistryRecords[K] }[] = [];
  for (const rec of body) {
    if (rec.cells.length !== names.length) {
      problems.push({ line: rec.line, column: '-', reason: `has ${rec.cells.length} fields; the header has ${names.length}` });
      continue;
    }
    const cells = new Map(names.map((n, i) => [canonical.get(n)!, rec.cells[i]!]));
    const reader = new RowReader(cells, rec.line);
    const raw = kind === 'roads' ? readRoad(reader) : kind === 'crews' ? readCrew(reader) : readVehicle(reader);
    if (reader.problems.length > 0) { problems.push(...reader.problems); continue; }
    const parsed = SCHEMAS[kind].safeParse(JSON.parse(JSON.stringify(raw)));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line: rec.line, column: PATH_COLUMNS[issue.path.join('.')] ?? String(issue.path[0] ?? '-'), reason: issue.message });
      continue;
    }
    rows.push({ line: rec.line, record: parsed.data as RegistryRecords[K] });
  }
  return { rows, problems };
}
