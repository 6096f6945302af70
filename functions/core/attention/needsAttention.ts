import { maskPhones } from '../log/maskPhones.ts';
import type { LogEntry } from '../log/LogEntry.ts';
import { forecastRules } from '../registry/CityPlan.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { reasonCode } from '../text/ReasonCode.ts';
import type { AttentionItem } from './AttentionItem.ts';

const ESCALATED = new Set(['resent', 'backup', 'duty-officer']);

/** Unparsed replies not yet answered from the console: a later officer SMS to the same crew resolves one. */
function unansweredReplies(entries: readonly LogEntry[]): LogEntry[] {
  const answeredAt = new Map<string, string>();
  for (const e of entries) if (e.action === 'officer.message' && e.subject) answeredAt.set(e.subject, e.at);
  return entries.filter((e) => e.action === 'reply.unknown' && !(e.subject && (answeredAt.get(e.subject) ?? '') >= e.at));
}

/**
 * The duty officer's queue: taskings still unconfirmed after escalation, leaders who cannot be reached,
 * "cannot" replies, road passes left short, stale forecasts, and every crew reply the parser could not
 * read (today it gets a help SMS and nobody reads it). Oldest first.
 */
export async function needsAttention(deps: CoreDeps): Promise<{ activationId: string | null; items: AttentionItem[] }> {
  const [plan, zones, roads, crews, states, open] = await Promise.all([
    deps.registry.getPlan(), deps.registry.listZones(), deps.registry.listRoads(), deps.registry.listCrews(), deps.zoneStates.getZoneStates(), deps.activations.getOpenActivation(),
  ]);
  const now = deps.clock.now();
  const crewName = new Map(crews.map((c) => [c.id, c.name]));
  const crewZone = new Map(crews.map((c) => [c.id, c.zoneId]));
  const items: AttentionItem[] = [];
  const item = (i: Omit<AttentionItem, 'crewName' | 'zoneId'> & { zoneId?: string | null }) =>
    items.push({ ...i, crewName: i.crewId ? crewName.get(i.crewId) ?? null : null, zoneId: i.zoneId ?? (i.crewId ? crewZone.get(i.crewId) ?? null : null) });

  const { staleAfterMinutes } = forecastRules(plan);
  for (const s of states) {
    if (s.lastSuccessAt !== null && now.getTime() - Date.parse(s.lastSuccessAt) <= staleAfterMinutes * 60_000) continue;
    const name = zones.find((z) => z.id === s.zoneId)?.name ?? s.zoneId;
    item({ kind: 'stale-forecast', at: s.lastPollAt, crewId: null, zoneId: s.zoneId, taskCodes: [], text: null,
      detail: `${name}: no good forecast since ${s.lastSuccessAt ?? 'ever'} (${s.lastError ?? 'no error recorded'})`, reasonCode: reasonCode('forecast-stale', { zone: name, since: s.lastSuccessAt, error: s.lastError }) });
  }
  const systemSince = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const system = (await deps.log.list('system')).filter((e) => e.at >= systemSince);
  if (open) {
    const [cases, tasks, short, log] = await Promise.all([deps.taskingCases.listTaskingCases(open.id), deps.tasks.listTasks(open.id), deps.shortfalls.listReportedShortfalls(open.id), deps.log.list(open.id)]);
    for (const c of cases) {
      if (c.outcome === 'confirmed' || c.outcome === 'closed' || c.outcome === 'cannot') continue;
      const unreachable = c.recipients.filter((r) => r.outcome === 'unreachable');
      if (unreachable.length > 0) {
        item({ kind: 'unreachable', at: c.updatedAt, crewId: c.crewId, taskCodes: c.taskCodes, text: null,
          detail: unreachable.map((r) => `${r.role}: ${r.reason ?? 'unreachable'}`).join('; '), reasonCode: reasonCode('recipients-unreachable', { roles: unreachable.map((r) => r.role).join(','), reasons: unreachable.map((r) => r.reason ?? 'unreachable').join('; ') }) });
      } else if (ESCALATED.has(c.step)) {
        item({ kind: 'unconfirmed', at: c.updatedAt, crewId: c.crewId, taskCodes: c.taskCodes, text: null,
          detail: `no confirmation after ${c.attempts} SMS; now at step ${c.step}`, reasonCode: reasonCode('no-confirmation', { attempts: c.attempts, step: c.step }) });
      }
    }
    for (const t of tasks.filter((x) => x.state === 'cannot')) {
      item({ kind: 'cannot', at: t.updatedAt, crewId: t.crewId, taskCodes: [t.code], text: null,
        detail: `${t.roadName} (tier ${t.tier}, ${t.pass}): the crew replied it cannot`, reasonCode: reasonCode('crew-cannot', { road: t.roadName, tier: t.tier, pass: t.pass }) });
    }
    const roadName = new Map(roads.map((r) => [r.id, r]));
    for (const key of short) {
      const [roadId, pass] = [key.slice(0, key.lastIndexOf('#')), key.slice(key.lastIndexOf('#') + 1)];
      const road = roadName.get(roadId);
      item({ kind: 'shortfall', at: open.openedAt, crewId: null, zoneId: road?.zoneId ?? null, taskCodes: [], text: null,
        detail: `${road?.name ?? roadId} (tier ${road?.tier ?? '?'}, ${pass}): no free crew and vehicle`, reasonCode: reasonCode('no-free-crew', { road: road?.name ?? roadId, tier: road?.tier ?? null, pass }) });
    }
    system.push(...log);
  }
  for (const e of unansweredReplies([...system].sort((a, b) => a.at.localeCompare(b.at)))) {
    const crewId = e.subject?.startsWith('crew:') ? e.subject.slice('crew:'.length) : null;
    item({ kind: 'unparsed-reply', at: e.at, crewId, taskCodes: [], text: typeof e.details.body === 'string' ? e.details.body : null, detail: `${e.actor} replied something the parser could not read${e.details.helpSent ? '; a help SMS went back' : ''}`,
      reasonCode: reasonCode('reply-unparsed', { sender: e.actor, helpSent: Boolean(e.details.helpSent) }) });
  }
  return { activationId: open?.id ?? null, items: maskPhones(items.sort((a, b) => a.at.localeCompare(b.at))) };
}
