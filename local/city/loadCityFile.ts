import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cityFileSchema, type CityFile } from './cityFileSchema.ts';

export const DEMO_CITY_FILE = fileURLToPath(new URL('../demo-city/jiaozuo.json', import.meta.url));

/** Reads and validates a city file; errors name the file and the path of the bad value. */
export async function loadCityFile(file: string = DEMO_CITY_FILE): Promise<CityFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read city file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = cityFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file}: invalid city file: ${problems.join('; ')}`);
  }
  const city = parsed.data;
  const zoneIds = new Set(city.zones.map((z) => z.id));
  for (const [kind, list] of [['depots', city.depots], ['roads', city.roads], ['crews', city.crews], ['vehicles', city.vehicles]] as const) {
    list.forEach((item, i) => {
      if (!zoneIds.has(item.zoneId)) throw new Error(`${file}: ${kind}.${i}.zoneId: unknown zone "${item.zoneId}"`);
    });
  }
  // When depots are listed, every crew and vehicle must name one (by id or name).
  const depotKeys = new Set(city.depots.flatMap((d) => [d.id, d.name]));
  if (depotKeys.size > 0) {
    for (const [kind, list] of [['crews', city.crews], ['vehicles', city.vehicles]] as const) {
      list.forEach((item, i) => {
        if (!depotKeys.has(item.depot)) throw new Error(`${file}: ${kind}.${i}.depot: unknown depot "${item.depot}"`);
      });
    }
  }
  // One phone answers for one role: replies are matched to their crew and role by phone, and an escalation to the
  // duty officer must not reach a crew (the API and the CSV importer refuse the same).
  const holder = new Map<string, string>([[city.plan.dutyOfficerPhone, 'plan.dutyOfficerPhone']]);
  city.crews.forEach((crew, i) => {
    for (const role of ['leader', 'backup'] as const) {
      const path = `crews.${i}.${role}.phone`;
      const other = holder.get(crew[role].phone);
      if (other) throw new Error(`${file}: ${path}: the same phone as ${other}; one phone answers for one crew and one role`);
      holder.set(crew[role].phone, path);
    }
  });
  return city;
}
