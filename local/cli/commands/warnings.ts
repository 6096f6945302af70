import type { Command } from 'commander';
import { levelRank } from '../../../functions/core/levels/ResponseLevel.ts';
import { assessWarnings } from '../../../functions/core/triggers/assessWarnings.ts';
import { describeEvidence } from '../../../functions/core/triggers/describeEvidence.ts';
import { loadCityFile } from '../../city/loadCityFile.ts';
import { CliError } from '../CliError.ts';
import { localDateTime } from '../forecast/formatForecastTable.ts';
import { readWarningsFile } from '../forecast/readForecastFile.ts';
import { print, printJson } from '../output.ts';
import { parseNow } from './forecast.ts';

interface WarningsOptions {
  now?: string;
  zone?: string;
  cityFile?: string;
  json?: boolean;
}

/** The area (description or first code) a warning names, for a document read without --zone. */
const areaNames = (areas: { desc: string; geocodes: string[] }[] | undefined) => (areas ?? []).map((a) => a.desc || a.geocodes[0] || '?');

async function run(file: string, options: WarningsOptions): Promise<void> {
  const city = await loadCityFile(options.cityFile).catch((error: Error) => { throw new CliError(error.message); });
  const zone = options.zone === undefined ? undefined : city.zones.find((z) => z.id === options.zone);
  if (options.zone !== undefined && !zone) throw new CliError(`zone "${options.zone}" is not in ${city.plan.city}; zones: ${city.zones.map((z) => z.id).join(', ')}`, 2);
  const { format, warnings } = await readWarningsFile(file);
  const now = parseNow(options.now) ?? new Date();
  const a = assessWarnings(warnings, city.plan, now, zone);
  // Without a zone: the highest level the document implies anywhere, and the areas of the warnings that give it.
  const top = a.evidence.filter((e) => levelRank(e.level) === levelRank(a.level));
  const deciding = a.warnings.filter((w) => top.some((e) => e.rule === `warning:${w.source}:${w.event}`));
  const areas = [...new Set(deciding.flatMap((w) => areaNames(w.areas)))];
  if (options.json) {
    printJson({
      file, format, now: now.toISOString(), ...(zone ? { zone: zone.id } : { areas }),
      level: a.level, dueLevel: a.dueLevel, watch: a.watch, watchLevel: a.watchLevel, leadTimeHours: city.plan.leadTimeHours ?? 12,
      evidence: a.evidence, warnings: a.warnings, read: warnings.length,
    });
    return;
  }
  const tz = city.plan.timeZone;
  print(`${file} (${format}): ${warnings.length} warning(s) read, ${a.warnings.length} in force at ${localDateTime(now.toISOString(), tz)}${zone ? ` for zone ${zone.id} (${zone.name})` : ''}`);
  print(`level ${a.level}${a.watch ? ` (watch: ${a.watchLevel}; due now ${a.dueLevel})` : ''}${!zone && areas.length > 0 ? ` in ${areas.slice(0, 5).join(', ')}${areas.length > 5 ? ` and ${areas.length - 5} more` : ''}` : ''}`);
  for (const e of a.evidence) print(`  ${e.watch ? '◌' : '●'} ${e.level.padEnd(3)} ${describeEvidence(e)} [${localDateTime(e.from, tz)} → ${localDateTime(e.to, tz)}]`);
}

/** `snowops warnings FILE`: the level official warnings alone imply, with their evidence. */
export function register(program: Command): void {
  program
    .command('warnings <file>')
    .description('The level a warnings document alone implies (CAP XML / Atom, MeteoAlarm JSON, NWS alerts, QWeather, 12379 / weather.cma.cn JSON, recognised by content)')
    .option('--now <iso>', 'evaluate as of this time: onset, expiry and later updates honoured (default: now)')
    .option('--zone <id>', 'only warnings covering this zone (by its warningAreas codes or its point in a polygon); default: the highest area the document covers')
    .option('--city-file <file>', 'city file whose plan maps events to levels (default: the demo city)')
    .option('--json', 'one JSON object: level, watch, evidence, warnings in force')
    .action(async (file: string, options: WarningsOptions) => run(file, options));
}
