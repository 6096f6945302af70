import { readFile } from 'node:fs/promises';
import type { OutboxRecord } from '../../functions/adapters/sms/OutboxSmsSender.ts';
import type { LogEntry } from '../../functions/core/log/LogEntry.ts';
import { smsSegments } from '../../functions/core/messages/smsSegments.ts';
import type { Activation } from '../../functions/core/operations/Activation.ts';
import type { ActivationWithEvidence } from '../../functions/core/operations/ActivationWithEvidence.ts';
import { withEvidence } from '../../functions/core/activation/withEvidence.ts';
import type { Task } from '../../functions/core/operations/Task.ts';
import { InlineDispatch } from '../../functions/core/dispatch/InlineDispatch.ts';
import { InProcessPlanning } from '../../functions/core/activation/InProcessPlanning.ts';
import type { WaveOutcome } from '../../functions/core/activation/planActivationWave.ts';
import { pollAndDispatch } from '../../functions/core/poll/pollAndDispatch.ts';
import { maskPhone } from '../../functions/core/registry/PhoneNumber.ts';
import { handleReply, type ReplyOutcome } from '../../functions/core/replies/handleReply.ts';
import { buildLocalApi, type LocalApi } from '../api/buildLocalApi.ts';
import { startApiServer, type ApiServer } from '../api/startApiServer.ts';
import { citizenSite } from '../citizen/citizenSite.ts';
import { localUploadSite } from '../citizen/localUploadSite.ts';
import { consoleSite } from '../console/consoleSite.ts';
import { combineSites } from '../web/serveBuiltFile.ts';
import { startLocalRuntime, type LocalRuntime } from '../runtime/startLocalRuntime.ts';
import { SimulatedClock } from '../runtime/SimulatedClock.ts';
import { formatAssessment, formatForecastTable } from '../cli/forecast/formatForecastTable.ts';
import { formatLogSummary } from './printLogSummary.ts';
import { scriptReplies, type ScriptedReply } from './simulateReplies.ts';
import { formatEscalationSummary } from './formatEscalationSummary.ts';
import { sweepEscalations } from '../../functions/core/escalation/sweepEscalations.ts';
import { localTime } from '../../functions/core/messages/localTime.ts';
import type { DysmsapiServer } from '../aliyun/startDysmsapiServer.ts';
import { CitizenDemo, type CitizenDemoResult } from './citizenDemo.ts';

export interface StormOptions {
  forecastFile: string;
  cityFile?: string;
  outboxFile: string;
  polls: number;
  dynamoEndpoint?: string;
  say?: (line: string) => void;
  /** Serve the HTTP API while the storm runs (a busy port falls back to a free one). */
  api?: { port: number; keepServing?: () => Promise<void> };
  /** Wraps the runtime's ports, e.g. with a Lambda handler's telemetry (functions/adapters/observability/observeDeps.ts). */
  instrument?: (deps: LocalRuntime['deps']) => LocalRuntime['deps'];
  /** `aliyun`: SMS go out through the Alibaba Cloud SMS adapter to its local endpoint, replies come back by its uplink callback. */
  sms?: 'outbox' | 'aliyun';
}

export interface StormResult {
  /** The activation it opened, with the evidence it was opened on. */
  activation?: ActivationWithEvidence;
  tasks: Task[];
  outbox: OutboxRecord[];
  replies: { from: string; body: string; outcome: ReplyOutcome }[];
  log: LogEntry[];
  timeZone: string;
  /** With `sms: 'aliyun'`: what the local endpoint answering like Dysmsapi was asked, and what the phones showed. */
  aliyun?: Pick<DysmsapiServer, 'requests' | 'delivered'>;
  /** With `api` and an activation: the citizen report the demo took round the loop. */
  citizen?: CitizenDemoResult;
}

const TICK_MINUTES = 5;

/** Reads the first hour of an Open-Meteo file so the simulated clock starts with the forecast. */
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

/** The scripted storm: scheduled polls on an accelerated clock, activation, dispatch, crew replies, the log. */
export async function runStorm(options: StormOptions): Promise<StormResult> {
  const say = options.say ?? (() => {});
  const clock = new SimulatedClock(await firstForecastHour(options.forecastFile));
  const runtime = await startLocalRuntime({
    clock, outboxFile: options.outboxFile, forecastFile: options.forecastFile, cityFile: options.cityFile, dynamoEndpoint: options.dynamoEndpoint, ...(options.sms ? { sms: options.sms } : {}),
    onSms: (sms) => {
      const seg = smsSegments(sms.body);
      say(`  📱 SMS to ${maskPhone(sms.to)} [${seg.segments} × ${seg.encoding}]\n     ${sms.body}`);
    },
  });
  const { city } = runtime;
  const deps = options.instrument ? options.instrument(runtime.deps) : runtime.deps;
  // The local stand-in for the dispatch queue: the wave goes out within the tick, through the (instrumented) ports.
  const dispatch = new InlineDispatch(deps);
  // The local stand-in for the planning queue: the poll hands its waves (and the plan kept ready on watch) to the
  // activation planner as deployed, run in this process; each tick waits for it.
  const planned: WaveOutcome[] = [];
  const planning = new InProcessPlanning({ ...deps, dispatch }, (error) => say(`   ⚠ planning failed (the next poll resumes it): ${String(error)}`), (outcome) => { planned.push(outcome); });
  let api: LocalApi | undefined;
  let server: ApiServer | undefined;
  try {
    say(`snowops local: ${city.plan.city}, ${city.zones.length} zones, ${city.roads.length} roads, ${city.crews.length} crews, ${city.vehicles.length} vehicles`);
    say(`DynamoDB Local ${runtime.dynamoEndpoint}; weather replay ${runtime.weather.baseUrl}; outbox ${options.outboxFile}`);
    if (runtime.aliyun) say(`SMS: Alibaba Cloud SMS adapter (official SDK) -> local endpoint answering like Dysmsapi http://${runtime.aliyun.dysmsapi.endpoint}; uplink replies and receipts -> ${runtime.aliyun.callbackUrl}`);
    if (options.api) {
      api = await buildLocalApi({ deps, dynamoEndpoint: runtime.dynamoEndpoint, tableNames: runtime.tableNames });
      const authenticator = api.authenticator;
      server = await startApiServer(api.handler, { port: options.api.port, fallbackToFreePort: true, site: combineSites(consoleSite({ issue: (user, groups) => authenticator.issue(user, groups) }), citizenSite(), localUploadSite(api.photos)), publicApi: api });
      say(`Console ${server.url}/console/ (sign in as a demo role); citizens' report page ${server.url}/report/`);
      api.setOrigin(server.url);
      say(`API ${server.url} (GET /openapi.json needs no token); duty-officer token:\n  ${api.tokens.officer}`);
    }
    let activation: Activation | undefined;
    let script: (ScriptedReply & { at: number; done?: boolean })[] = [];
    let horizon = Number.POSITIVE_INFINITY;
    let inbound = 0;
    const replies: StormResult['replies'] = [];
    const tz = city.plan.timeZone;
    // One simulated timeline in 5-minute ticks: polls every 15 minutes, the crews' scripted replies, the escalator's sweep.
    for (let minute = 0; ; minute += TICK_MINUTES) {
      const pollNo = minute / 15;
      if (Number.isInteger(pollNo) && pollNo < options.polls) {
        say(`\n⏱  poll ${pollNo + 1} at ${clock.now().toISOString()}`);
        const result = await pollAndDispatch({ ...deps, dispatch, planning });
        await planning.idle();
        const waves = planned.splice(0);
        for (const w of waves) if (w.outcome === 'failed') say(`   ⚠ the wave's planning failed: ${w.reason}`);
        const zoneText = result.zones.map((z) => `${z.zoneId}=${z.level}${z.lastError ? ` (no forecast: ${z.lastError})` : ''}`).join(' ');
        if (pollNo === 0) {
          // What a duty officer would see with `npx snowops forecast`: the first zone's table, every zone's level and evidence.
          for (const [n, report] of result.reports.entries()) {
            if (!report.forecast || !report.assessment) continue;
            say(`\n   zone ${report.zone.id} (${report.zone.name})`);
            say(n === 0 ? formatForecastTable(report.forecast, report.assessment, city.plan.timeZone, { onlyWet: true }) : formatAssessment(report.assessment, city.plan.timeZone));
          }
        }
        say(`   city level ${result.cityLevel} → ${result.decision}; ${zoneText}`);
        const opened = result.activation?.outcome === 'handed' ? waves.find((w) => w.outcome === 'active' && w.activation.id === result.activation!.activation.id) : undefined;
        if (opened?.outcome === 'active') {
          const { tasks, shortfalls } = opened;
          activation = opened.activation;
          say(`🚨 activation ${activation.id} at level ${activation.level}: ${activation.reason}`);
          say(`   ${tasks.length} tasks for ${new Set(tasks.map((t) => t.crewId)).size} crews; ${shortfalls.length} road passes short`);
          for (const s of shortfalls.slice(0, 6)) say(`   ⚠ short: ${s.roadName} (tier ${s.tier}, ${s.pass}): ${s.reason}`);
          if (opened.dispatch.mode === 'sent') say(`   dispatch: ${opened.dispatch.sent} sent, ${opened.dispatch.failed} failed, ${opened.dispatch.skipped} already sent`);
          const steps = city.plan.escalation[activation.level];
          say(`   escalation at level ${activation.level}: resend after ${steps.resendAfterMinutes} min, backup after ${steps.backupAfterMinutes} more, duty officer after ${steps.dutyOfficerAfterMinutes} more`);
          const base = clock.now().getTime();
          // Sorted by key (crew), not by send order, which concurrency makes vary: every run scripts the same crews.
          const id = activation.id;
          const firstTaskings = deps.sms.sent.filter((s) => s.idempotencyKey.startsWith(id) && s.idempotencyKey.endsWith('#a1')).sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey));
          script = scriptReplies(firstTaskings).map((r) => ({ ...r, at: base + r.afterMinutes * 60_000 }));
          const lastReply = Math.max(...script.map((r) => r.afterMinutes));
          horizon = base + (Math.max(lastReply, steps.resendAfterMinutes + steps.backupAfterMinutes + steps.dutyOfficerAfterMinutes) + TICK_MINUTES) * 60_000;
          say('\n💬 crew replies and escalation');
        }
      }
      for (const reply of script.filter((r) => !r.done && r.at <= clock.now().getTime())) {
        reply.done = true;
        const outcome = runtime.aliyun ? await runtime.reply(reply.from, reply.body) : await handleReply(deps, { inboundMessageId: `demo-${inbound++}`, from: reply.from, body: reply.body });
        replies.push({ from: reply.from, body: reply.body, outcome });
        say(`  ← ${localTime(clock.now().toISOString(), tz)} ${maskPhone(reply.from)} "${reply.body}" → ${outcome}`);
      }
      if (activation) {
        const sweep = await sweepEscalations(deps);
        for (const a of sweep.advanced) say(`  ⤴ ${localTime(clock.now().toISOString(), tz)} escalation ${a.caseId.split('#').slice(1).join(' ')} → ${a.step}${a.outcome ? ` (${a.outcome})` : ''}`);
      }
      if (pollNo + 1 >= options.polls && (!activation || clock.now().getTime() >= horizon)) break;
      clock.advance(TICK_MINUTES);
    }
    let citizen: CitizenDemoResult | undefined;
    if (server && api && activation) {
      // After the storm, one citizen report round the 随手拍 loop through the routes the page and the console use.
      const demo = new CitizenDemo({ url: server.url, officerToken: api.tokens.officer, city, sms: deps.sms, say, advance: (minutes) => clock.advance(minutes) });
      const reply = await demo.reportAndDispatch(new Set((await deps.tasks.listTasks(activation.id)).map((t) => t.roadId)));
      if (reply) {
        clock.advance(40);
        const outcome = runtime.aliyun ? await runtime.reply(reply.from, reply.body) : await handleReply(deps, { inboundMessageId: `demo-${inbound++}`, from: reply.from, body: reply.body });
        replies.push({ ...reply, outcome });
        say(`  ← ${localTime(clock.now().toISOString(), tz)} ${maskPhone(reply.from)} "${reply.body}" → ${outcome}`);
        clock.advance(TICK_MINUTES);
        await demo.verifyWhenHandled();
      }
      citizen = await demo.result();
    }
    const log = [...(await deps.log.list('system')), ...(activation ? await deps.log.list(activation.id) : [])].sort((a, b) => a.at.localeCompare(b.at));
    const tasks = activation ? await deps.tasks.listTasks(activation.id) : [];
    say(`\n${formatLogSummary(log, city.plan.timeZone)}`);
    if (activation) {
      const byState = new Map<string, number>();
      for (const t of tasks) byState.set(t.state, (byState.get(t.state) ?? 0) + 1);
      say(`\nTasks by state: ${[...byState].map(([s, n]) => `${s} ${n}`).join(', ')}`);
      say(formatEscalationSummary(await deps.taskingCases.listTaskingCases(activation.id)));
      const byMessageState = new Map<string, number>();
      for (const m of await deps.smsRecords.listMessages(activation.id)) byMessageState.set(m.state, (byMessageState.get(m.state) ?? 0) + 1);
      say(`SMS by state: ${[...byMessageState].map(([s, n]) => `${s} ${n}`).join(', ')}; dead letters: ${runtime.deadLetters.letters.length}`);
      if (runtime.aliyun) {
        const codes = new Map<string, number>();
        for (const r of runtime.aliyun.dysmsapi.requests) codes.set(`${r.action} ${r.code}`, (codes.get(`${r.action} ${r.code}`) ?? 0) + 1);
        const receipts = log.filter((e) => e.action === 'sms.delivered' || e.action === 'sms.undelivered').length;
        say(`Alibaba Cloud SMS (local endpoint): ${[...codes].map(([c, n]) => `${c} × ${n}`).join(', ')}; ${runtime.aliyun.dysmsapi.delivered.length} delivered; ${receipts} delivery receipts logged`);
      }
    }
    if (server && options.api?.keepServing) {
      say(`\nConsole still serving on ${server.url}/console/`);
      say(`API still serving on ${server.url}, e.g. npx snowops report current --api ${server.url} --token <token above>; Ctrl-C stops it.`);
      await options.api.keepServing();
    }
    const aliyun = runtime.aliyun ? { requests: [...runtime.aliyun.dysmsapi.requests], delivered: [...runtime.aliyun.dysmsapi.delivered] } : undefined;
    return { activation: activation && (await withEvidence(deps, activation)), tasks, outbox: [...deps.sms.sent], replies, log, timeZone: city.plan.timeZone, ...(aliyun ? { aliyun } : {}), ...(citizen ? { citizen } : {}) };
  } finally {
    await planning.idle();
    await server?.close();
    api?.close();
    await runtime.stop();
  }
}
