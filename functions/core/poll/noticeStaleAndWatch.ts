import { maxLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import { notifyOfficer } from './notifyOfficer.ts';
import { officerNotices } from './officerNotices.ts';
import type { ZoneReport } from './pollZone.ts';

/**
 * What a poll tells the duty officer whatever it decides: zones whose every provider has failed for longer than
 * the plan allows (once an outage), and zones newly on watch, with the earliest snow at the highest watch level.
 */
export async function noticeStaleAndWatch(deps: Pick<CoreDeps, 'log' | 'clock'> & { sms: SmsSender }, plan: CityPlan, reports: ZoneReport[], cityLevel: ResponseLevel, at: string): Promise<void> {
  const lang = plan.defaultLanguage;
  const tz = plan.timeZone;
  const newlyStale = reports.filter((r) => r.newlyStale);
  if (newlyStale.length > 0) {
    const since = newlyStale.map((r) => r.state.failingSince ?? at).sort()[0]!;
    await notifyOfficer(deps, plan.dutyOfficerPhone, { kind: 'forecast-stale', sms: officerNotices.stale(lang, newlyStale.map((r) => r.zone.name), since, tz, cityLevel, deps.sms.signature), idempotencyKey: `stale#${at}` });
  }
  const watching = reports.filter((r) => r.newWatch);
  if (watching.length > 0) {
    const level = watching.reduce<ResponseLevel>((acc, r) => maxLevel(acc, r.state.watchLevel ?? 'none'), 'none');
    const first = watching.flatMap((r) => r.assessment?.evidence.filter((e) => e.watch && e.level === level) ?? []).sort((a, b) => (a.startsAt ?? a.from).localeCompare(b.startsAt ?? b.from))[0];
    await notifyOfficer(deps, plan.dutyOfficerPhone, { kind: 'watch', sms: officerNotices.watch(lang, watching.map((r) => r.zone.name), level, first?.startsAt ?? at, tz, first, deps.sms.signature), idempotencyKey: `watch#${level}#${at}` });
  }
}
