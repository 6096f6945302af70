import type { HourlyForecast } from '../../functions/core/forecast/HourlyForecast.ts';
import { levelRank, maxLevel, type ResponseLevel } from '../../functions/core/levels/ResponseLevel.ts';
import { forecastRules, type CityPlan } from '../../functions/core/registry/CityPlan.ts';
import type { Zone } from '../../functions/core/registry/Zone.ts';
import { applyHysteresis, type HysteresisState } from '../../functions/core/triggers/applyHysteresis.ts';
import { assessForecast } from '../../functions/core/triggers/assessForecast.ts';
import { describeEvidence } from '../../functions/core/triggers/describeEvidence.ts';
import type { Evidence } from '../../functions/core/triggers/Evidence.ts';
import { warningCoversZone } from '../../functions/core/triggers/warningCoversZone.ts';
import type { StormFile } from './readStormDir.ts';

const MINUTE_MS = 60_000;

export type StepKind = 'watch' | 'activation' | 'activation-proposed' | 'upgrade' | 'upgrade-proposed' | 'downgrade-proposed' | 'stand-down-proposed';

export interface TimelineStep {
  at: string;
  kind: StepKind;
  from: ResponseLevel;
  to: ResponseLevel;
  zoneLevels: Record<string, ResponseLevel>;
  /** The evidence that decided it, one line each, zone first. */
  evidence: string[];
}

export interface Replay {
  steps: TimelineStep[];
  /** When the first official warning that maps to a level was sent (or first known). */
  firstWarningAt: string | null;
  activationAt: string | null;
  minutesFromFirstWarningToActivation: number | null;
  polls: number;
}

const lines = (zoneId: string, evidence: Evidence[]) => evidence.map((e) => ({ zoneId, text: `${e.level} ${describeEvidence(e)}` }));

/** One line per piece of evidence, with the zones it holds for: "jiefang, shanyang: II blizzard-6h: …". */
function merged(items: { zoneId: string; text: string }[]): string[] {
  const byText = new Map<string, string[]>();
  for (const { zoneId, text } of items) byText.set(text, [...(byText.get(text) ?? []), zoneId]);
  return [...byText].map(([text, zoneIds]) => `${zoneIds.join(', ')}: ${text}`);
}

/**
 * Runs a recorded storm through the plan's rules as the poller would: a poll every `stepMinutes` from the
 * first file to `until`, each zone assessed on the latest forecast received and every warning received so
 * far (updates and cancellations followed, warnings for other zones left out), levels moved with the
 * plan's hysteresis. The city's decisions follow the poller's: activate (or propose, as the plan says),
 * upgrade at once, propose downgrades and stand-down; a proposal is taken as accepted by the duty officer.
 */
export function replayStorm(files: readonly StormFile[], city: { plan: CityPlan; zones: Zone[] }, options: { stepMinutes?: number; until?: string } = {}): Replay {
  const rules = forecastRules(city.plan);
  const step = (options.stepMinutes ?? 15) * MINUTE_MS;
  const sorted = [...files].sort((a, b) => a.at.localeCompare(b.at));
  const start = Date.parse(sorted[0]!.at);
  const end = options.until ? Date.parse(options.until) : Date.parse(sorted[sorted.length - 1]!.at) + 24 * 60 * MINUTE_MS;
  const zones = new Map<string, HysteresisState & { recentMax?: ResponseLevel }>(city.zones.map((z) => [z.id, { level: 'none', belowCount: 0 }]));
  const steps: TimelineStep[] = [];
  let open: ResponseLevel = 'none';
  let watchTold: ResponseLevel = 'none';
  let firstWarningAt: string | null = null;
  let activationAt: string | null = null;
  let polls = 0;
  for (let t = start; t <= end; t += step) {
    polls++;
    const now = new Date(t);
    const received = sorted.filter((f) => Date.parse(f.at) <= t);
    const forecast = [...received].reverse().find((f): f is Extract<StormFile, { kind: 'forecast' }> => f.kind === 'forecast')?.forecast;
    const warnings = received.flatMap((f) => (f.kind === 'warnings' ? f.warnings.map((w) => ({ ...w, issuedAt: w.issuedAt ?? f.at })) : []));
    const zoneLevels: Record<string, ResponseLevel> = {};
    const due: { zoneId: string; text: string }[] = [];
    const watched: { zoneId: string; text: string }[] = [];
    let changedDown = false;
    let watchLevel: ResponseLevel = 'none';
    for (const zone of city.zones) {
      const base: HourlyForecast = forecast ?? { provider: 'warnings', latitude: zone.latitude, longitude: zone.longitude, fetchedAt: now.toISOString(), hours: [] };
      const a = assessForecast({ ...base, warnings: warnings.filter((w) => warningCoversZone(w, zone)) }, rules, now);
      if (!firstWarningAt && a.evidence.some((e) => e.rule.startsWith('warning:') && !e.watch)) {
        firstWarningAt = warnings.map((w) => w.issuedAt).filter((x): x is string => !!x).sort()[0] ?? now.toISOString();
      }
      const next = applyHysteresis(zones.get(zone.id)!, a.dueLevel, rules.downgradeAfterPolls);
      zones.set(zone.id, next);
      zoneLevels[zone.id] = next.level;
      if (next.change === 'downgrade') changedDown = true;
      due.push(...lines(zone.id, a.evidence.filter((e) => !e.watch)));
      watched.push(...lines(zone.id, a.evidence.filter((e) => e.watch)));
      if (a.watch) watchLevel = maxLevel(watchLevel, a.watchLevel);
    }
    const cityLevel = Object.values(zoneLevels).reduce<ResponseLevel>((acc, l) => maxLevel(acc, l), 'none');
    const at = now.toISOString();
    const push = (kind: StepKind, from: ResponseLevel, to: ResponseLevel, evidence: { zoneId: string; text: string }[]) => steps.push({ at, kind, from, to, zoneLevels, evidence: merged(evidence) });
    const propose = city.plan.activationPolicy === 'propose';
    if (open === 'none') {
      if (cityLevel !== 'none') {
        push(propose ? 'activation-proposed' : 'activation', 'none', cityLevel, due);
        activationAt ??= at;
        open = cityLevel;
      } else if (levelRank(watchLevel) > levelRank(watchTold)) {
        push('watch', 'none', watchLevel, watched);
        watchTold = watchLevel;
      }
    } else if (levelRank(cityLevel) > levelRank(open)) {
      push(propose ? 'upgrade-proposed' : 'upgrade', open, cityLevel, due);
      open = cityLevel;
    } else if (changedDown && levelRank(cityLevel) < levelRank(open)) {
      push(cityLevel === 'none' ? 'stand-down-proposed' : 'downgrade-proposed', open, cityLevel, due);
      open = cityLevel;
      if (cityLevel === 'none') watchTold = 'none';
    }
  }
  const minutes = firstWarningAt && activationAt ? Math.round((Date.parse(activationAt) - Date.parse(firstWarningAt)) / MINUTE_MS) : null;
  return { steps, firstWarningAt, activationAt, minutesFromFirstWarningToActivation: minutes, polls };
}
