import { ACTIVE_LEVELS, type ActiveLevel } from '../../levels/ResponseLevel.ts';
import { EQUIPMENT_CLASSES, type EquipmentClass } from '../EquipmentClass.ts';

/** A cell read into a value, or the reason it cannot be. */
export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = (reason: string, raw: string): Cell<never> => ({ ok: false, reason: `${reason} (got "${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}")` });

export function text(raw: string): Cell<string> {
  return raw.trim() === '' ? { ok: false, reason: 'is required' } : ok(raw.trim());
}

export function number(raw: string, { min, max, integer = false, above = false }: { min?: number; max?: number; integer?: boolean; above?: boolean } = {}): Cell<number> {
  const t = raw.trim();
  if (t === '') return { ok: false, reason: 'is required' };
  const n = Number(t);
  if (!Number.isFinite(n)) return bad('must be a number', raw);
  if (integer && !Number.isInteger(n)) return bad('must be a whole number', raw);
  if (min !== undefined && (above ? n <= min : n < min)) return bad(`must be ${above ? 'greater than' : 'at least'} ${min}`, raw);
  if (max !== undefined && n > max) return bad(`must be at most ${max}`, raw);
  return ok(n);
}

export function boolean(raw: string): Cell<boolean> {
  const t = raw.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', '是'].includes(t)) return ok(true);
  if (['no', 'n', 'false', '0', '否'].includes(t)) return ok(false);
  return bad('must be yes or no', raw);
}

export function oneOf<T extends string>(raw: string, allowed: readonly T[]): Cell<T> {
  const t = raw.trim();
  return (allowed as readonly string[]).includes(t) ? ok(t as T) : bad(`must be one of ${allowed.join(', ')}`, raw);
}

/** A list of equipment classes separated by ";" or "|", e.g. "spreader;plough". */
export function classes(raw: string): Cell<EquipmentClass[]> {
  const items = raw.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return { ok: false, reason: `is required: classes separated by ";" (${EQUIPMENT_CLASSES.join(', ')})` };
  const unknown = items.filter((i) => !(EQUIPMENT_CLASSES as readonly string[]).includes(i));
  if (unknown.length > 0) return bad(`unknown equipment class ${unknown.map((u) => `"${u}"`).join(', ')}; use ${EQUIPMENT_CLASSES.join(', ')}`, raw);
  if (new Set(items).size !== items.length) return bad('names a class twice', raw);
  return ok(items as EquipmentClass[]);
}

/** A line as "lat lon; lat lon; …" (at least two vertices). */
export function line(raw: string): Cell<[number, number][]> {
  const vertices = raw.split(';').map((s) => s.trim()).filter(Boolean).map((v) => v.split(/[\s,]+/).map(Number));
  if (vertices.length < 2) return bad('must be at least two "lat lon" points separated by ";"', raw);
  for (const v of vertices) {
    if (v.length !== 2 || !v.every(Number.isFinite)) return bad('each point must be "lat lon"', raw);
    if (Math.abs(v[0]!) > 90 || Math.abs(v[1]!) > 180) return bad('a point is outside latitude ±90 / longitude ±180', raw);
  }
  return ok(vertices as [number, number][]);
}

export function clock(raw: string): Cell<string> {
  const t = raw.trim();
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(t) ? ok(t) : bad('must be a time HH:mm, e.g. 07:30', raw);
}

export const LEVEL_COLUMNS: readonly ActiveLevel[] = ACTIVE_LEVELS;
