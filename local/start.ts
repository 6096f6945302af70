import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { maskPhone } from '../functions/core/registry/PhoneNumber.ts';
import { smsSegments } from '../functions/core/messages/smsSegments.ts';
import { pollAndDispatch } from '../functions/core/poll/pollAndDispatch.ts';
import { handleReply } from '../functions/core/replies/handleReply.ts';
import type { LogEntry } from '../functions/core/log/LogEntry.ts';
import { formatAssessment, formatForecastTable } from './cli/forecast/formatForecastTable.ts';
import { formatLogSummary } from './demo/printLogSummary.ts';
import { scriptReplies } from './demo/simulateReplies.ts';
import { startLocalRuntime } from './runtime/startLocalRuntime.ts';
import { SimulatedClock } from './runtime/SimulatedClock.ts';
import { readFile } from 'node:fs/promises';

const DEFAULT_STORM = fileURLToPath(new URL('./storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));

const program = new Command()
  .name('npm start --')
  .description('Runs a storm end to end on this machine: DynamoDB Local, a weather replay server, the poller, dispatch to an SMS outbox, replies, the response log.')
  .option('--forecast-file <file>', 'an Open-Meteo /v1/forecast response to replay', DEFAULT_STORM)
  .option('--city-file <file>', 'a city file (plan, zones, roads, crews, vehicles)')
  .option('--outbox <file>', 'where sent SMS are written, one JSON per line', '.snowops/outbox.jsonl')
  .option('--polls <n>', 'scheduled polls to run (15 simulated minutes apart)', '4')
  .option('--quiet', 'print less');

async function firstForecastHour(file: string): Promise<Date> {
  try {
    const body = JSON.parse(await readFile(file, 'utf8')) as { hourly?: { time?: string[] }; utc_offset_seconds?: number };
    const t = body.hourly?.time?.[0];
    if (t) return new Date(Date.parse(`${t}:00Z`) - (body.utc_offset_seconds ?? 0) * 1000);
  } catch {
    // An unreadable forecast is the poller's to report; the clock just starts now.
  }
  return new Date();
}

async function main(): Promise<number> {
  program.parse();
  const opts = program.opts<{ forecastFile: string; cityFile?: string; outbox: string; polls: string; quiet?: boolean }>();
  const started = Date.now();
  await mkdir(opts.outbox.replace(/[^/]+$/, '') || '.', { recursive: true });
  await rm(opts.outbox, { force: true });
  const clock = new SimulatedClock(await firstForecastHour(opts.forecastFile));
  const say = (text: string) => console.log(text);
  const runtime = await startLocalRuntime({
    clock, outboxFile: opts.outbox, forecastFile: opts.forecastFile, cityFile: opts.cityFile,
    onSms: (sms) => {
      const seg = smsSegments(sms.body);
      say(`  📱 SMS to ${maskPhone(sms.to)} [${seg.segments} × ${seg.encoding}]\n     ${sms.body}`);
    },
  });
  const { deps, city } = runtime;
  const tz = city.plan.timeZone;
  try {
    say(`snowops local: ${city.plan.city}, ${city.zones.length} zones, ${city.roads.length} roads, ${city.crews.length} crews, ${city.vehicles.length} vehicles`);
    say(`DynamoDB Local ${runtime.dynamoEndpoint}; weather replay ${runtime.weather.baseUrl}; outbox ${opts.outbox}`);
    let activationId: string | undefined;
    for (let i = 0; i < Number(opts.polls); i++) {
      say(`\n⏱  poll ${i + 1} at ${clock.now().toISOString()}`);
      const result = await pollAndDispatch(deps);
      const zoneText = result.zones.map((z) => `${z.zoneId}=${z.level}${z.lastError ? ' (no forecast: ' + z.lastError + ')' : ''}`).join(' ');
      if (i === 0) {
        // What a duty officer would see with `npx snowops forecast`: the first zone's table, every zone's level and evidence.
        for (const [n, report] of result.reports.entries()) {
          if (!report.forecast || !report.assessment) continue;
          say(`\n   zone ${report.zone.id} (${report.zone.name})`);
          say(n === 0 ? formatForecastTable(report.forecast, report.assessment, tz, { onlyWet: true }) : formatAssessment(report.assessment, tz));
        }
      }
      say(`   city level ${result.cityLevel} → ${result.decision}; ${zoneText}`);
      if (result.activation?.outcome === 'activated') {
        const { activation, tasks, shortfalls } = result.activation;
        activationId = activation.id;
        say(`🚨 activation ${activation.id} at level ${activation.level}: ${activation.reason}`);
        say(`   ${tasks.length} tasks for ${new Set(tasks.map((t) => t.crewId)).size} crews; ${shortfalls.length} road passes short`);
        for (const s of shortfalls.slice(0, 6)) say(`   ⚠ short: ${s.roadName} (tier ${s.tier}, ${s.pass}): ${s.reason}`);
        if (result.dispatch) say(`   dispatch: ${result.dispatch.sent} sent, ${result.dispatch.failed} failed, ${result.dispatch.skipped} already sent`);
      }
      clock.advance(15);
    }
    if (activationId) {
      say('\n💬 crew replies');
      const base = clock.now().getTime();
      for (const [n, reply] of scriptReplies(deps.sms.sent.filter((s) => s.idempotencyKey.startsWith(activationId!))).entries()) {
        const at = base + reply.afterMinutes * 60_000;
        clock.advance((at - clock.now().getTime()) / 60_000);
        const outcome = await handleReply(deps, { inboundMessageId: `demo-${n}`, from: reply.from, body: reply.body });
        say(`  ← ${maskPhone(reply.from)} "${reply.body}" → ${outcome}`);
      }
    }
    const entries: LogEntry[] = [...(await deps.log.list('system')), ...(activationId ? await deps.log.list(activationId) : [])].sort((a, b) => a.at.localeCompare(b.at));
    say(`\n${formatLogSummary(entries, tz)}`);
    if (activationId) {
      const tasks = await deps.ops.listTasks(activationId);
      const byState = new Map<string, number>();
      for (const t of tasks) byState.set(t.state, (byState.get(t.state) ?? 0) + 1);
      say(`\nTasks by state: ${[...byState].map(([s, n]) => `${s} ${n}`).join(', ')}`);
    }
    say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. SMS outbox: ${opts.outbox}`);
    return 0;
  } finally {
    await runtime.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`snowops: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
