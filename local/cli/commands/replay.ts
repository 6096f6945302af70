import type { Command } from 'commander';
import { loadCityFile } from '../../city/loadCityFile.ts';
import { readStormDir } from '../../replay/readStormDir.ts';
import { replayStorm, type StepKind } from '../../replay/replayStorm.ts';
import { CliError } from '../CliError.ts';
import { localDateTime } from '../forecast/formatForecastTable.ts';
import { print, printJson } from '../output.ts';
import { parseNow } from './forecast.ts';

interface ReplayOptions {
  cityFile?: string;
  until?: string;
  step?: string;
  json?: boolean;
}

/** Every kind of step named (a Record over StepKind, so a new kind cannot print as undefined). */
const LABEL: Record<StepKind, string> = {
  watch: 'watch', activation: 'activation', 'activation-proposed': 'activation proposed', upgrade: 'upgrade', 'upgrade-proposed': 'upgrade proposed',
  'downgrade-proposed': 'downgrade proposed', 'stand-down-proposed': 'stand-down proposed',
};

async function run(dir: string, options: ReplayOptions): Promise<void> {
  const city = await loadCityFile(options.cityFile).catch((error: Error) => { throw new CliError(error.message); });
  const stepMinutes = options.step === undefined ? 15 : Number(options.step);
  if (!Number.isInteger(stepMinutes) || stepMinutes < 1 || stepMinutes > 180) throw new CliError(`--step must be whole minutes from 1 to 180; got "${options.step}"`, 2);
  const files = await readStormDir(dir, city.zones[0]!);
  const until = parseNow(options.until)?.toISOString();
  const replay = replayStorm(files, city, { stepMinutes, ...(until ? { until } : {}) });
  if (options.json) {
    printJson({ dir, files: files.map((f) => ({ at: f.at, file: f.file, kind: f.kind, ...(f.kind === 'warnings' ? { format: f.format, warnings: f.warnings.length } : { provider: f.forecast.provider }) })), ...replay });
    return;
  }
  const tz = city.plan.timeZone;
  print(`${city.plan.city}: ${files.length} recorded files from ${dir}, ${replay.polls} polls every ${stepMinutes} min (${city.plan.activationPolicy} plan)`);
  for (const s of replay.steps) {
    print(`${localDateTime(s.at, tz)}  ${LABEL[s.kind].padEnd(20)} ${s.from} → ${s.to}   ${Object.entries(s.zoneLevels).map(([z, l]) => `${z} ${l}`).join(', ')}`);
    for (const e of s.evidence.slice(0, 4)) print(`                    ${e}`);
    if (s.evidence.length > 4) print(`                    … and ${s.evidence.length - 4} more`);
  }
  const m = replay.minutesFromFirstWarningToActivation;
  print(replay.firstWarningAt === null ? 'no official warning mapped to a level' : `first warning ${localDateTime(replay.firstWarningAt, tz)}; activation ${replay.activationAt ? localDateTime(replay.activationAt, tz) : 'none'}${m === null ? '' : `: ${m} minutes from the first warning to the activation${m < 0 ? ' (the forecast activated before any warning)' : ''}`}`);
}

/** `snowops replay DIR`: a recorded storm through the plan's rules, as the poller would have run it. */
export function register(program: Command): void {
  program
    .command('replay <dir>')
    .description('Replay a recorded storm (timestamped forecast and warnings files) through the plan\'s rules: the level timeline with its evidence')
    .option('--city-file <file>', 'city file whose plan decides (default: the demo city)')
    .option('--step <minutes>', 'minutes between polls (default 15, as the scheduler)')
    .option('--until <iso>', 'last poll (default: 24 h after the last file)')
    .option('--json', 'one JSON object: steps, first warning, activation, minutes between them')
    .action(async (dir: string, options: ReplayOptions) => run(dir, options));
}
