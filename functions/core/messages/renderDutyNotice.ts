import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { Language } from '../registry/Language.ts';
import { fill } from './fill.ts';
import { smsSegments } from './smsSegments.ts';
import type { RenderedSms } from './renderTasking.ts';
import { SMS_TEMPLATES } from './templates.ts';

/** What a duty officer is told by SMS. */
export type DutyNotice =
  | { kind: 'unconfirmed'; crew: string; codes: readonly string[] }
  | { kind: 'unreachable'; crew: string; codes: readonly string[]; reason: string }
  | { kind: 'cannot'; crew: string; codes: readonly string[]; replacementCrews: readonly string[] }
  | { kind: 'shortfall'; level: ActiveLevel; roads: readonly string[] };

const MAX_LISTED_ROADS = 5;

/** Renders a duty officer's SMS in the plan's language. */
export function renderDutyNotice(language: Language, notice: DutyNotice): RenderedSms {
  const t = SMS_TEMPLATES[language];
  const list = (items: readonly string[]) => items.join(t.duty.listSeparator);
  let body: string;
  switch (notice.kind) {
    case 'unconfirmed':
      body = fill(t.duty.unconfirmed, { crew: notice.crew, codes: list(notice.codes) });
      break;
    case 'unreachable':
      body = fill(t.duty.unreachable, { crew: notice.crew, codes: list(notice.codes), reason: notice.reason });
      break;
    case 'cannot':
      body = fill(t.duty.cannot, {
        crew: notice.crew, codes: list(notice.codes),
        replacement: notice.replacementCrews.length > 0 ? fill(t.duty.replacedBy, { crews: list(notice.replacementCrews) }) : t.duty.noReplacement,
      });
      break;
    case 'shortfall': {
      const shown = notice.roads.slice(0, MAX_LISTED_ROADS);
      const more = notice.roads.length > shown.length ? `${t.duty.listSeparator}…` : '';
      body = fill(t.duty.shortfall, { level: t.level[notice.level], n: notice.roads.length, roads: list(shown) + more });
      break;
    }
  }
  return { body, ...smsSegments(body) };
}
