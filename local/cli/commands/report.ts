import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { describeCitizenFigures } from '../../../functions/core/citizen/describeCitizenFigures.ts';
import type { AfterActionReport } from '../../../functions/core/reports/AfterActionReport.ts';
import { CliError } from '../CliError.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table, when } from '../output.ts';
import { withProgress } from '../progress.ts';

const PATHS = { summary: 'report', json: 'report', html: 'report.html', csv: 'log.csv' } as const;
type Format = keyof typeof PATHS;

function summary(r: AfterActionReport): string {
  const tz = r.timeZone;
  const m = (v: number | null) => (v === null ? '—' : `${v} min`);
  const lines = [
    `${r.city} · ${r.activationId} · level ${r.level} · ${r.status}`,
    `Operational period ${when(r.operationalPeriod.from, tz)} → ${when(r.operationalPeriod.to, tz)}${r.operationalPeriod.ongoing ? ' (ongoing)' : ''}`,
    table(['figure', 'value'], [
      ['forecast trigger', when(r.trigger.at, tz)],
      ['time to activate', m(r.timings.minutesToActivate)],
      ['time to first / last dispatch', `${m(r.timings.minutesToFirstDispatch)} / ${m(r.timings.minutesToLastDispatch)}`],
      ['time to acknowledge, median / p90', `${m(r.acknowledgement.medianMinutes)} / ${m(r.acknowledgement.p90Minutes)}`],
      ['tasks acknowledged / refused / unanswered', `${r.acknowledgement.acknowledged} / ${r.acknowledgement.refused} / ${r.acknowledgement.unanswered} of ${r.acknowledgement.dispatchedTasks}`],
      ['SMS sent / failed; escalations', `${r.messages.sent} / ${r.messages.failed}; ${r.escalations.count}`],
      ['shortfalls', `${r.shortfalls.count} road passes`],
      ['citizen reports', r.citizen ? describeCitizenFigures(r.citizen) : '—'],
      ['stand-down', r.standDown ? `${when(r.standDown.at, tz)} by ${r.standDown.by}: ${r.standDown.reason}` : '—'],
    ]),
    table(['tier', 'lane-km in scope', 'target', 'passable by target', 'passable now', 'target'], r.coverage.map((c) => [
      c.tier, c.laneKmInScope, `${c.targetHours} h`, `${c.laneKmCoveredByTarget} (${c.percentCoveredByTarget}%)`, `${c.laneKmCovered} (${c.percentCovered}%)`, c.met === null ? 'pending' : c.met ? 'met' : 'missed',
    ])),
  ];
  return lines.join('\n');
}

/** `snowops report [activation]`: the after-action summary, or its exports (JSON, ICS-214 HTML, log CSV). */
export function register(program: Command): void {
  withApiOptions(program.command('report')
    .description('after-action report of an activation: summary, or --format json | html (ICS-214) | csv (the log)')
    .argument('[activation]', 'activation id', 'current')
    .option('--format <format>', 'summary, json, html or csv', 'summary')
    .option('--out <file>', 'write to a file instead of stdout'))
    .action(async (activation: string, opts: ApiOptions & { format: string; out?: string }) => {
      const format = (opts.json ? 'json' : opts.format) as Format;
      if (!(format in PATHS)) throw new CliError(`--format must be summary, json, html or csv (got "${opts.format}")`, 2);
      const answer = await withProgress('building the report', clientFrom(opts).request<AfterActionReport>('GET', `/activations/${encodeURIComponent(activation)}/${PATHS[format]}`));
      const text = format === 'summary' ? summary(answer.body) : format === 'json' ? `${JSON.stringify(answer.body, null, 2)}\n` : answer.text;
      if (opts.out) {
        await writeFile(opts.out, text, 'utf8');
        process.stderr.write(`wrote ${opts.out}\n`);
      } else if (format === 'json') {
        printJson(answer.body);
      } else {
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      }
    });
}
