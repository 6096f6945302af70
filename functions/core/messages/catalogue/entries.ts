import { LANGUAGES, type Language } from '../../registry/Language.ts';
import { fill } from '../fill.ts';
import { OFFICER_TEMPLATES } from '../templates/officer.ts';
import { REASSIGN_TEMPLATES } from '../templates/reassign.ts';
import { SMS_TEMPLATES, type SmsTemplate } from '../templates.ts';
import type { CatalogueEntry, TemplateVariable } from './CatalogueEntry.ts';
import { code, name, text, time } from './variables.ts';

const perLanguage = (wording: (t: SmsTemplate, language: Language) => string) =>
  Object.fromEntries(LANGUAGES.map((language) => [language, wording(SMS_TEMPLATES[language], language)])) as Record<Language, string>;

// A tasking lists a team's passes ("T07 人民路铲雪；T08 …"): one variable, as long as a team's list of a few passes.
const TASKS = text(300, 'a crew leader\'s list of road passes for one call-out (task code, road, pass), several per message');
const taskingVariables: Record<string, TemplateVariable> = { level: text(10), vehicle: text(20), depot: text(30), startBy: time(), tasks: TASKS };
const tasking = (t: SmsTemplate, prefix: string) => prefix + t.header + '{tasks}' + t.legend;
const CODES = text(100, 'the task codes a reply applies to (T07,T08 …)');
const ROADS = text(120, 'the road names of uncovered passes, at most five and an ellipsis');
const ZONES = text(60, 'the names of the zones concerned');
const WHY = text(80, 'the forecast rule that fired with its figure, e.g. "12h blizzard 6.4mm"');

const replies = (['ack', 'onsite', 'done', 'cannot'] as const).flatMap((action): CatalogueEntry[] => [
  {
    name: `reply.${action}`, purpose: `Answer to a crew leader whose reply "${{ ack: 1, onsite: 2, done: 3, cannot: 9 }[action]}" was applied to the tasks named`,
    variables: { codes: CODES }, text: perLanguage((t) => `${t.reply[action]} {codes}`),
  },
  {
    name: `reply.${action}.all`, purpose: `The same answer when a bare digit applied to every task of the leader's latest call-out`,
    variables: { codes: CODES, n: code(4) }, text: perLanguage((t) => `${t.reply[action]} {codes}${t.reply.several}`),
  },
]);

/**
 * Every SMS the system sends, by name. The wording lives in the language files (templates/); this says which
 * messages exist, their variables and how long each may be, so that a message can be registered with a
 * mainland provider and checked against its registration (templateProblems).
 */
export const SMS_CATALOGUE: readonly CatalogueEntry[] = [
  { name: 'tasking', purpose: 'A crew leader\'s call-out: level, vehicle, depot, start-by time and road passes, with the reply codes', variables: taskingVariables, text: perLanguage((t) => tasking(t, '')) },
  { name: 'tasking.resend', purpose: 'The same call-out sent again because nobody acknowledged it', variables: taskingVariables, text: perLanguage((t) => tasking(t, t.resendPrefix)) },
  { name: 'tasking.backup', purpose: 'The call-out handed to the backup leader because the leader did not acknowledge', variables: { leader: name(), ...taskingVariables }, text: perLanguage((t) => tasking(t, t.backupPrefix)) },
  { name: 'help', purpose: 'Answer to HELP or to a reply that could not be understood: the reply codes', variables: {}, text: perLanguage((t) => t.help) },
  { name: 'cancelled', purpose: 'Road passes called off (stand-down or lowered level) after the crew was tasked', variables: { tasks: text(200, 'the task codes and roads called off') }, text: perLanguage((t) => t.cancelled) },
  ...replies,
  { name: 'reply.none', purpose: 'Answer to a reply when the sender has no open task it applies to', variables: {}, text: perLanguage((t) => t.reply.none) },
  { name: 'reply.not-yours', purpose: 'Answer to a reply naming a task code that is not one of the sender\'s open tasks', variables: { code: code() }, text: perLanguage((t) => t.reply.notYours) },
  { name: 'duty.unconfirmed', purpose: 'To the duty officer: neither leader nor backup confirmed a call-out', variables: { crew: name(), codes: CODES }, text: perLanguage((t) => t.duty.unconfirmed) },
  { name: 'duty.unreachable', purpose: 'To the duty officer: neither leader nor backup can be reached by SMS', variables: { crew: name(), codes: CODES, reason: text(60, 'the provider\'s or the system\'s reason an SMS failed') }, text: perLanguage((t) => t.duty.unreachable) },
  { name: 'duty.cannot.replaced', purpose: 'To the duty officer: a crew cannot do its tasks; the teams they went to', variables: { crew: name(), codes: CODES, crews: text(60, 'the names of the replacement crews') }, text: perLanguage((t) => fill(t.duty.cannot, { replacement: t.duty.replacedBy })) },
  { name: 'duty.cannot.unreplaced', purpose: 'To the duty officer: a crew cannot do its tasks and no free crew can take them', variables: { crew: name(), codes: CODES }, text: perLanguage((t) => fill(t.duty.cannot, { replacement: t.duty.noReplacement })) },
  { name: 'duty.shortfall', purpose: 'To the duty officer: road passes no team could be found for', variables: { level: text(10), n: code(5), roads: ROADS }, text: perLanguage((t) => t.duty.shortfall) },
  { name: 'reassign.to', purpose: 'A task moved to this crew by the duty officer', variables: { task: text(40), vehicle: text(20), startBy: time() }, text: perLanguage((_, l) => REASSIGN_TEMPLATES[l].to) },
  { name: 'reassign.from', purpose: 'A task taken from this crew by the duty officer', variables: { task: text(40) }, text: perLanguage((_, l) => REASSIGN_TEMPLATES[l].from) },
  { name: 'officer.watch', purpose: 'To the duty officer: snow expected beyond the plan\'s lead time; pre-treat', variables: { zones: ZONES, startsAt: time(), level: text(12), why: WHY }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].watch) },
  { name: 'officer.stale', purpose: 'To the duty officer: every forecast provider failing; level held', variables: { zones: ZONES, since: time(), held: text(12) }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].stale) },
  { name: 'officer.propose-activation', purpose: 'To the duty officer: the forecast crosses a level the plan only proposes', variables: { level: text(12), why: WHY }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].proposeActivation) },
  { name: 'officer.propose-upgrade', purpose: 'To the duty officer: the forecast crosses a higher level', variables: { from: text(12), to: text(12), why: WHY }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].proposeUpgrade) },
  { name: 'officer.propose-downgrade', purpose: 'To the duty officer: the forecast stayed below the level', variables: { polls: code(4), from: text(12), to: text(12), open: code(6) }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].proposeDowngrade) },
  { name: 'officer.message', purpose: 'A duty officer\'s own words to a crew leader, typed in the console (instructions, a change of depot)', variables: { text: text(335, 'a duty officer\'s message to a crew, up to five SMS segments') }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].message) },
  { name: 'officer.propose-stand-down', purpose: 'To the duty officer: the forecast stayed below every threshold', variables: { polls: code(4), open: code(6) }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].proposeStandDown) },
  { name: 'officer.propose-stand-down-no-snow', purpose: 'To the duty officer: the watch a pre-treatment was started for passed without snow', variables: { open: code(6) }, text: perLanguage((_, l) => OFFICER_TEMPLATES[l].proposeStandDownNoSnow) },
];

const byName = new Map(SMS_CATALOGUE.map((entry) => [entry.name, entry]));

/** The catalogue entry of a name; an unknown name is a programming error. */
export function catalogueEntry(templateName: string): CatalogueEntry {
  const entry = byName.get(templateName);
  if (!entry) throw new Error(`no SMS template named "${templateName}" in the catalogue`);
  return entry;
}
