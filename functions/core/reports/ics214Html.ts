import { describeCitizenFigures } from '../citizen/describeCitizenFigures.ts';
import type { LogEntry } from '../log/LogEntry.ts';
import { maskPhones } from '../log/maskPhones.ts';
import type { Task } from '../operations/Task.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Zone } from '../registry/Zone.ts';
import type { AfterActionReport } from './AfterActionReport.ts';
import { coverageSvg } from './coverageSvg.ts';
import { describeEntry } from './describeEntry.ts';
import { escapeHtml as h } from './escapeHtml.ts';
import { localDateTime } from './localDateTime.ts';

export interface Ics214Input {
  report: AfterActionReport;
  log: readonly LogEntry[];
  tasks: readonly Task[];
  crews: readonly Crew[];
  zones: readonly Zone[];
  preparedBy: { name: string; position: string };
}

const num = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);

/** Resources assigned (ICS-214 block 6): each crew on a task, its leader (phone masked), home unit and vehicles. */
function resourceRows(tasks: readonly Task[], crews: readonly Crew[], zones: readonly Zone[]): string {
  const byCrew = new Map<string, Task[]>();
  for (const t of tasks) byCrew.set(t.crewId, [...(byCrew.get(t.crewId) ?? []), t]);
  return [...byCrew].sort(([a], [b]) => a.localeCompare(b)).map(([crewId, list]) => {
    const crew = crews.find((c) => c.id === crewId);
    const unit = zones.find((z) => z.id === crew?.zoneId)?.responsibleUnit ?? crew?.zoneId ?? '';
    const vehicles = [...new Set(list.map((t) => t.vehicleLabel))].join(', ');
    const km = Math.round(list.reduce((s, t) => s + t.laneKm, 0) * 10) / 10;
    const leader = crew ? `${crew.leader.name} ${maskPhone(crew.leader.phone)}` : '';
    return `<tr><td>${h(crew?.name ?? crewId)}</td><td>Crew leader: ${h(leader)}</td><td>${h(unit)}</td><td>${h(vehicles)}</td><td>${list.length} (${km} lane-km)</td></tr>`;
  }).join('');
}

/** The report's only style, whole: the page is served with a Content-Security-Policy that allows exactly this text (by its hash). */
export const REPORT_STYLE = `
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#111}
h1{font-size:20px;margin:0 0 8px}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;font-size:12px}td,th{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
.grid td:first-child{width:28%;font-weight:600}.nowrap{white-space:nowrap}.sign{height:36px}
@media print{body{margin:10mm}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/**
 * The ICS-214-style activity log of an activation as printable HTML: incident, operational period,
 * the figures, the coverage chart against the targets, resources assigned, time-stamped activities
 * and who prepared it when. Phones are masked; everything else is escaped.
 */
export function ics214Html(input: Ics214Input): string {
  const r = input.report;
  const tz = r.timeZone;
  const t = (iso: string | null) => (iso ? localDateTime(iso, tz) : '—');
  const periodHours = (Date.parse(r.operationalPeriod.to) - Date.parse(r.operationalPeriod.from)) / 3_600_000;
  const activities = [...input.log].sort((a, b) => a.at.localeCompare(b.at)).map((raw) => {
    const e = maskPhones(raw);
    return `<tr><td class="nowrap">${h(t(e.at))}</td><td>${h(e.actor)}</td><td>${h(describeEntry(e))}</td></tr>`;
  }).join('');
  const coverageRows = r.coverage.map((c) => `<tr><td>Tier ${c.tier}</td><td>${c.laneKmInScope}</td><td>${c.targetHours} h (${h(t(c.targetAt))})</td><td>${c.laneKmCoveredByTarget} (${c.percentCoveredByTarget}%)</td><td>${c.laneKmCovered} (${c.percentCovered}%)</td><td>${c.met === null ? 'pending' : c.met ? 'met' : 'missed'}</td></tr>`).join('');
  const shortRows = r.shortfalls.items.map((s) => `<tr><td>${h(s.road)}</td><td>${s.tier}</td><td>${h(s.pass)}</td><td>${s.laneKm}</td><td>${h(s.reason)}</td></tr>`).join('');
  const evidence = r.trigger.evidence.map((e) => `<li>${h(`${e.rule}: ${e.value} ${e.unit} in ${e.windowHours} h ≥ ${e.threshold} (${e.provider}, ${t(e.from)} to ${t(e.to)})`)}</li>`).join('');
  const incident = `${r.city}: snow response, level ${r.level} (${r.activationId})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${h(`ICS 214 Activity Log: ${incident}`)}</title>
<style>${REPORT_STYLE}</style></head><body>
<h1>ACTIVITY LOG (ICS 214) · 工作日志</h1>
<table class="grid">
<tr><td>1. Incident Name 事件名称</td><td>${h(incident)}</td></tr>
<tr><td>2. Operational Period 工作时段</td><td>From ${h(t(r.operationalPeriod.from))} to ${h(t(r.operationalPeriod.to))}${r.operationalPeriod.ongoing ? ' (ongoing)' : ''} · ${h(tz)}</td></tr>
<tr><td>3. Name</td><td>${h(input.preparedBy.name)}</td></tr>
<tr><td>4. ICS Position</td><td>${h(input.preparedBy.position)}</td></tr>
<tr><td>5. Home Agency (and Unit)</td><td>${h(`${r.city} urban management, plan ${r.planId}`)}</td></tr>
<tr><td>Activation</td><td>Opened ${h(t(r.openedAt))} by ${h(r.openedBy)}: ${h(r.reason)}${r.standDown ? `<br>Stood down ${h(t(r.standDown.at))} by ${h(r.standDown.by)}: ${h(r.standDown.reason)}` : ''}</td></tr>
</table>
<h2>Summary figures 汇总</h2>
<table class="grid">
<tr><td>Forecast trigger</td><td>${h(t(r.trigger.at))}${evidence ? `<ul>${evidence}</ul>` : ''}</td></tr>
<tr><td>Time to activate</td><td>${h(num(r.timings.minutesToActivate, ' min'))}</td></tr>
<tr><td>Time to first / last dispatch</td><td>${h(num(r.timings.minutesToFirstDispatch, ' min'))} / ${h(num(r.timings.minutesToLastDispatch, ' min'))}</td></tr>
<tr><td>Time to acknowledge (median / p90)</td><td>${h(num(r.acknowledgement.medianMinutes, ' min'))} / ${h(num(r.acknowledgement.p90Minutes, ' min'))} · ${r.acknowledgement.acknowledged} of ${r.acknowledgement.dispatchedTasks} tasks acknowledged, ${r.acknowledgement.refused} refused, ${r.acknowledgement.unanswered} unanswered</td></tr>
<tr><td>Messages</td><td>${r.messages.sent} sent, ${r.messages.failed} failed · ${r.escalations.count} escalations</td></tr>
<tr><td>Shortfalls</td><td>${r.shortfalls.count} road passes (tier 1: ${r.shortfalls.laneKmByTier[1]} lane-km, tier 2: ${r.shortfalls.laneKmByTier[2]}, tier 3: ${r.shortfalls.laneKmByTier[3]})</td></tr>
<tr><td>Citizen reports 市民上报</td><td>${r.citizen ? h(describeCitizenFigures(r.citizen)) : '—'}</td></tr>
</table>
<h2>Priority-road coverage against the plan's targets 重点道路通行</h2>
${coverageSvg(r.coverage, periodHours)}
<table><tr><th>Tier</th><th>Lane-km in scope</th><th>Target</th><th>Passable by target</th><th>Passable at end</th><th>Target</th></tr>${coverageRows}</table>
${shortRows ? `<h2>Shortfalls 缺口</h2><table><tr><th>Road</th><th>Tier</th><th>Pass</th><th>Lane-km</th><th>Reason</th></tr>${shortRows}</table>` : ''}
<h2>6. Resources Assigned 投入力量</h2>
<table><tr><th>Name</th><th>ICS Position</th><th>Home Agency (and Unit)</th><th>Equipment</th><th>Tasks</th></tr>${resourceRows(input.tasks, input.crews, input.zones)}</table>
<h2>7. Activity Log 活动记录</h2>
<table><tr><th>Date/Time</th><th>Who</th><th>Notable Activities</th></tr>${activities}</table>
<h2>8. Prepared by 填报</h2>
<table class="grid">
<tr><td>Name</td><td>${h(input.preparedBy.name)}</td></tr>
<tr><td>Position/Title</td><td>${h(input.preparedBy.position)}</td></tr>
<tr><td>Signature</td><td class="sign"></td></tr>
<tr><td>Date/Time</td><td>${h(t(r.generatedAt))}</td></tr>
</table>
</body></html>
`;
}
