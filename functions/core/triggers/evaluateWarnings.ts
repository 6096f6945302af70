import type { OfficialWarning, WarningColour } from '../forecast/OfficialWarning.ts';
import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { WarningRule } from '../registry/WarningRule.ts';
import type { Evidence } from './Evidence.ts';

const HOUR_MS = 3_600_000;
const BY_COLOUR: Record<WarningColour, ActiveLevel> = { blue: 'IV', yellow: 'III', orange: 'II', red: 'I' };

// Colour words and the word for "warning" taken out of an event name: "Yellow snow warning" → "snow warning",
// "道路结冰黄色预警" → "道路结冰", so that one rule matches every colour of an event.
const COLOUR_WORDS = /蓝色|黄色|橙色|红色|\b(?:blue|yellow|orange|red)\b/gi;

/** The names a plan's rule may match a warning by: its event, with and without colour words, and its codes. */
export function warningKeys(warning: OfficialWarning): string[] {
  const bare = warning.event.replace(COLOUR_WORDS, '').replace(/预警(信号)?$/, '').replace(/\s+/g, ' ').trim();
  return [warning.event, bare, warning.code, ...(warning.codes ?? [])].filter((k): k is string => !!k).map((k) => k.toLowerCase());
}

function ruleFor(warning: OfficialWarning, rules: readonly WarningRule[]): WarningRule | undefined {
  const keys = warningKeys(warning);
  return rules.find((r) => r.match.some((m) => keys.includes(m.toLowerCase())));
}

/**
 * Official warnings in force (or announced) at `now` mapped to levels by the plan's rules. Cancelled
 * and ended warnings are ignored, and so are events the plan does not map (e.g. a Cold Weather Advisory).
 */
export function evaluateWarnings(warnings: readonly OfficialWarning[], rules: readonly WarningRule[], now: Date, provider: string): Evidence[] {
  const nowMs = now.getTime();
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const w of warnings) {
    if (w.messageType?.toLowerCase() === 'cancel') continue;
    if (w.ends !== null && Date.parse(w.ends) <= nowMs) continue;
    const rule = ruleFor(w, rules);
    if (!rule) continue;
    const level = rule.level === 'by-colour' ? (w.colour ? BY_COLOUR[w.colour] : undefined) : rule.level;
    if (!level) continue;
    const onsetMs = w.onset === null ? nowMs : Date.parse(w.onset);
    const endsMs = w.ends === null ? Math.max(onsetMs, nowMs) : Date.parse(w.ends);
    const key = `${w.source}|${w.event}|${level}|${onsetMs}|${endsMs}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push({
      rule: `warning:${w.source}:${w.event}`,
      level,
      provider,
      value: 1,
      threshold: 1,
      unit: 'official warning',
      windowHours: Math.max(0, Math.round((endsMs - onsetMs) / HOUR_MS)),
      from: new Date(onsetMs).toISOString(),
      to: new Date(endsMs).toISOString(),
      gapHours: 0,
      startsAt: new Date(Math.max(onsetMs, nowMs)).toISOString(),
      ...(rule.watchOnly ? { watch: true } : {}),
      text: `${w.source} ${w.event}${w.colour ? ` (${w.colour})` : ''}${w.severity ? `, ${w.severity}` : ''}${w.headline ? `: ${w.headline}` : ''}`,
    });
  }
  return evidence;
}
