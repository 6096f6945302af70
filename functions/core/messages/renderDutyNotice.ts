import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { Language } from '../registry/Language.ts';
import { renderSms, type RenderedSms } from './catalogue/renderSms.ts';
import { SMS_TEMPLATES } from './templates.ts';

/** What a duty officer is told by SMS. */
export type DutyNotice =
  | { kind: 'unconfirmed'; crew: string; codes: readonly string[] }
  | { kind: 'unreachable'; crew: string; codes: readonly string[]; reason: string }
  | { kind: 'cannot'; crew: string; codes: readonly string[]; replacementCrews: readonly string[] }
  | { kind: 'shortfall'; level: ActiveLevel; roads: readonly string[] };

const MAX_LISTED_ROADS = 5;

/** Renders a duty officer's SMS in the plan's language, after the stage's signature when it has one. */
export function renderDutyNotice(language: Language, notice: DutyNotice, signature?: string): RenderedSms {
  const t = SMS_TEMPLATES[language];
  const list = (items: readonly string[]) => items.join(t.duty.listSeparator);
  switch (notice.kind) {
    case 'unconfirmed':
      return renderSms('duty.unconfirmed', language, { crew: notice.crew, codes: list(notice.codes) }, signature);
    case 'unreachable':
      return renderSms('duty.unreachable', language, { crew: notice.crew, codes: list(notice.codes), reason: notice.reason }, signature);
    case 'cannot':
      return notice.replacementCrews.length > 0
        ? renderSms('duty.cannot.replaced', language, { crew: notice.crew, codes: list(notice.codes), crews: list(notice.replacementCrews) }, signature)
        : renderSms('duty.cannot.unreplaced', language, { crew: notice.crew, codes: list(notice.codes) }, signature);
    case 'shortfall': {
      const shown = notice.roads.slice(0, MAX_LISTED_ROADS);
      const more = notice.roads.length > shown.length ? `${t.duty.listSeparator}…` : '';
      return renderSms('duty.shortfall', language, { level: t.level[notice.level], n: notice.roads.length, roads: list(shown) + more }, signature);
    }
  }
}
