import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import { renderSms, type RenderedSms } from '../messages/catalogue/renderSms.ts';
import { OFFICER_TEMPLATES } from '../messages/templates/officer.ts';
import type { Language } from '../registry/Language.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { localStamp } from './localStamp.ts';

const levelName = (level: ResponseLevel, lang: Language) => (level === 'none' ? OFFICER_TEMPLATES[lang].none : lang === 'zh-CN' ? `${level}级` : `level ${level}`);

// A template variable may not be empty: "—" when no rule is at hand.
function why(e: Evidence | undefined): string {
  if (!e) return '—';
  if (e.unit === 'official warning') return e.rule.replace(/^warning:[^:]+:/, '');
  return `${e.rule} ${e.value}${e.unit.startsWith('mm') ? 'mm' : ` ${e.unit}`}`;
}

const zoneList = (zones: string[], lang: Language) => zones.join(OFFICER_TEMPLATES[lang].zoneSeparator);

/** Short SMS to the duty officer (never to crews), from the catalogue: watch, stale, and the proposals the poller may only propose. */
export const officerNotices = {
  watch(lang: Language, zones: string[], level: ResponseLevel, startsAt: string, tz: string, e?: Evidence, signature?: string): RenderedSms {
    return renderSms('officer.watch', lang, { zones: zoneList(zones, lang), startsAt: localStamp(startsAt, tz), level: levelName(level, lang), why: why(e) }, signature);
  },
  stale(lang: Language, zones: string[], since: string, tz: string, held: ResponseLevel, signature?: string): RenderedSms {
    return renderSms('officer.stale', lang, { zones: zoneList(zones, lang), since: localStamp(since, tz), held: levelName(held, lang) }, signature);
  },
  proposeActivation(lang: Language, level: ResponseLevel, e?: Evidence, signature?: string): RenderedSms {
    return renderSms('officer.propose-activation', lang, { level: levelName(level, lang), why: why(e) }, signature);
  },
  proposeUpgrade(lang: Language, from: ResponseLevel, to: ResponseLevel, e?: Evidence, signature?: string): RenderedSms {
    return renderSms('officer.propose-upgrade', lang, { from: levelName(from, lang), to: levelName(to, lang), why: why(e) }, signature);
  },
  proposeDowngrade(lang: Language, from: ResponseLevel, to: ResponseLevel, polls: number, openTasks: number, signature?: string): RenderedSms {
    return to === 'none'
      ? renderSms('officer.propose-stand-down', lang, { polls, open: openTasks }, signature)
      : renderSms('officer.propose-downgrade', lang, { polls, from: levelName(from, lang), to: levelName(to, lang), open: openTasks }, signature);
  },
  proposeStandDownNoSnow(lang: Language, openTasks: number, signature?: string): RenderedSms {
    return renderSms('officer.propose-stand-down-no-snow', lang, { open: openTasks }, signature);
  },
};
