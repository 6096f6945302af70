import type { Evidence, ReasonCode } from '../api/types.ts';
import { evidenceLine } from '../board/evidenceLine.ts';
import { clock } from './format.ts';
import { lang } from './i18n.ts';

type P = ReasonCode['params'];
type Say = (p: P, timeZone: string) => string;

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const PASS: Record<string, [string, string]> = {
  plough: ['推雪车', 'plough'], spreader: ['撒布车', 'spreader'], 'snow-melter': ['融雪车', 'snow melter'], loader: ['装载机', 'loader'], sweeper: ['扫路车', 'sweeper'],
};
const ROLE: Record<string, [string, string]> = { leader: ['班组长', 'leader'], backup: ['备用联系人', 'backup'], 'duty-officer': ['值班员', 'duty officer'], resent: ['重发', 'resent'], first: ['首发', 'first'] };
const word = (table: Record<string, [string, string]>, v: unknown, zh: boolean) => table[s(v)]?.[zh ? 0 : 1] ?? s(v);
// The API operations a refusal can name; the rest keep their operation id.
const OPERATION: Record<string, [string, string]> = {
  activate: ['启动响应', 'activate'], upgrade: ['升级响应', 'upgrade the level'], downgrade: ['降级响应', 'downgrade the level'], standDown: ['解除响应', 'stand down'],
  reassignTask: ['改派任务', 'reassign a task'], sendCrewMessage: ['给班组发短信', 'send a crew an SMS'], previewActivation: ['预览方案', 'preview a level'],
};

// What became of the activation when its wave failed.
const THEN_ZH: Record<string, string> = { closed: '响应已关闭，可重新启动', lowered: '响应已退回升级前的级别，可再次升级', kept: '响应保持当前级别，下一次轮询将重试本批' };
const THEN_EN: Record<string, string> = { closed: 'the activation was closed: activate again', lowered: 'the level went back to what it was: upgrade again', kept: 'the level stays and the next poll tries the wave again' };

const GROUP: Record<string, [string, string]> = { 'duty-officer': ['值班员', 'duty-officer'], manager: ['管理者', 'manager'], admin: ['管理员', 'admin'] };
const groups = (v: unknown, zh: boolean) => s(v).split(',').filter(Boolean).map((g) => word(GROUP, g, zh)).join(zh ? '、' : ', ');

/** The evidence a forecast reason carries, as the board's evidence line says it. */
function evidenceOf(p: P): Evidence {
  return {
    rule: s(p.rule).replace(/^[^:]*:(?=blizzard|road-icing|warning)/, ''), level: s(p.evidenceLevel || p.level) as Evidence['level'], provider: s(p.provider),
    value: Number(p.value), threshold: Number(p.threshold), unit: s(p.unit), windowHours: Number(p.windowHours), from: s(p.from), to: s(p.to), gapHours: Number(p.gapHours ?? 0),
  };
}

const ZH: Record<string, Say> = {
  'forecast-reached-level': (p, tz) => `预报达到 ${s(p.level)} 级（${evidenceLine(evidenceOf(p), tz)}）`,
  'forecast-at-level': (p) => `预报为 ${s(p.level)} 级`,
  'forecast-below-level': (p) => `预报已连续 ${s(p.polls)} 次低于 ${s(p.level)} 级，建议${s(p.to) === 'none' ? '与气象部门会商后解除响应' : `降至 ${s(p.to)} 级`}（尚有 ${s(p.open)} 项任务未完成）`,
  'watch-passed': (p) => `预警关注已解除，未降雪：建议与气象部门会商后结束 ${s(p.level)} 级预处理响应（尚有 ${s(p.open)} 项任务未完成）`,
  'wave-failed': (p) => `${s(p.level)} 级的方案编制或调派出错，本批调派已全部撤销，${THEN_ZH[s(p.then)] ?? ''}（错误：${s(p.error)}）`,
  'stand-down': (p) => `解除响应：${s(p.reason)}`,
  'downgraded-out-of-scope': (p) => `降级至 ${s(p.level)}：道路不再在响应范围内`,
  'teams-fully-booked': (p) => `${s(p.zone)}能到达该路的${word(PASS, p.pass, true)}班组（${s(p.teams)} 个）在班次内已排满（高等级道路优先）`,
  'certified-crews-elsewhere': (p) => `${s(p.zone)}持有${word(PASS, p.pass, true)}资质的班组都在其他车辆上`,
  'no-chloride-free-spreader': (p) => `${s(p.zone)}该路禁用融雪剂，且没有可用的无氯撒布车`,
  'longer-than-shift': (p) => `作业时间超过${s(p.zone)}任何${word(PASS, p.pass, true)}班组的剩余班次`,
  'no-free-certified-crew': (p) => `${s(p.zone)}没有空闲的${word(PASS, p.pass, true)}持证班组（${s(p.ready)} 台车辆可用${Number(p.resting) > 0 ? `；${s(p.resting)} 个持证班组休息或不在班` : ''}）`,
  'no-ready-vehicle': (p) => `${s(p.zone)}没有可用的${word(PASS, p.pass, true)}${[Number(p.maintenance) > 0 ? `；${s(p.maintenance)} 台维修中` : '', Number(p.outOfService) > 0 ? `；${s(p.outOfService)} 台停用` : '', Number(p.booked) > 0 ? `；${s(p.booked)} 台已调派` : ''].join('')}`,
  'team-taken-concurrently': () => '其班组已被同时进行的调派占用，且没有其他空闲资源',
  'forecast-stale': (p, tz) => `${s(p.zone)}：${p.since ? `自 ${clock(s(p.since), tz, true)} 起` : '一直'}没有有效预报（${p.error ? s(p.error) : '无错误记录'}）`,
  'recipients-unreachable': (p) => `无法联系：${s(p.roles).split(',').map((r) => word(ROLE, r, true)).join('、')}`,
  'no-confirmation': (p) => `发出 ${s(p.attempts)} 条短信后仍未确认，现由${word(ROLE, p.step, true)}处理`,
  'crew-cannot': (p) => `${s(p.road)}（${s(p.tier)} 级道路，${word(PASS, p.pass, true)}）：班组回复无法执行`,
  'no-free-crew': (p) => `${s(p.road)}（${s(p.tier)} 级道路，${word(PASS, p.pass, true)}）：没有空闲的班组和车辆`,
  'reply-unparsed': (p) => `${s(p.sender)} 的回复无法识别${p.helpSent ? '，已回复帮助短信' : ''}`,
  forbidden: (p) => `${s(p.user)}（${groups(p.roles, true) || '无角色'}）无权${word(OPERATION, p.operation, true)}；需要${groups(p.required, true)}权限。`,
};

const EN: Record<string, Say> = {
  'forecast-reached-level': (p, tz) => `forecast reached level ${s(p.level)} (${evidenceLine(evidenceOf(p), tz)})`,
  'forecast-at-level': (p) => `forecast at level ${s(p.level)}`,
  'forecast-below-level': (p) => `forecast below level ${s(p.level)} for ${s(p.polls)} consecutive polls: ${s(p.to) === 'none' ? 'stand-down proposed, after consulting the forecasters' : `downgrade to ${s(p.to)} proposed`} (${s(p.open)} tasks still open)`,
  'watch-passed': (p) => `the watch passed without snow: stand-down of the level ${s(p.level)} pre-treatment proposed, after consulting the forecasters (${s(p.open)} tasks still open)`,
  'wave-failed': (p) => `planning or booking at level ${s(p.level)} went wrong; the wave's bookings were all removed and ${THEN_EN[s(p.then)] ?? ''} (error: ${s(p.error)})`,
  'stand-down': (p) => `stand-down: ${s(p.reason)}`,
  'downgraded-out-of-scope': (p) => `downgraded to ${s(p.level)}: road no longer in scope`,
  'teams-fully-booked': (p) => `every ${word(PASS, p.pass, false)} team that can reach it in ${s(p.zone)} is fully booked within its shift (${s(p.teams)}; higher tiers first)`,
  'certified-crews-elsewhere': (p) => `the crews certified for the ready ${word(PASS, p.pass, false)}s that could reach it in ${s(p.zone)} are on other vehicles`,
  'no-chloride-free-spreader': (p) => `road in ${s(p.zone)} is agent-free and no ready chloride-free spreader exists`,
  'longer-than-shift': (p) => `longer than any ${word(PASS, p.pass, false)} team's remaining shift in ${s(p.zone)}`,
  'no-free-certified-crew': (p) => `no free crew certified for ${word(PASS, p.pass, false)} in ${s(p.zone)} (${s(p.ready)} ready)${Number(p.resting) > 0 ? `; ${s(p.resting)} certified crews off shift or resting` : ''}`,
  'no-ready-vehicle': (p) => `no ready ${word(PASS, p.pass, false)} in ${s(p.zone)}${[Number(p.maintenance) > 0 ? `; ${s(p.maintenance)} in maintenance` : '', Number(p.outOfService) > 0 ? `; ${s(p.outOfService)} out of service` : '', Number(p.booked) > 0 ? `; ${s(p.booked)} booked` : ''].join('')}`,
  'team-taken-concurrently': () => 'its team was taken by a concurrent booking and nothing else was free',
  'forecast-stale': (p, tz) => `${s(p.zone)}: no good forecast since ${p.since ? clock(s(p.since), tz, true) : 'ever'} (${p.error ? s(p.error) : 'no error recorded'})`,
  'recipients-unreachable': (p) => `unreachable: ${s(p.roles).split(',').map((r) => word(ROLE, r, false)).join(', ')}${p.reasons ? ` (${s(p.reasons)})` : ''}`,
  'no-confirmation': (p) => `no confirmation after ${s(p.attempts)} SMS; now with the ${word(ROLE, p.step, false)}`,
  'crew-cannot': (p) => `${s(p.road)} (tier ${s(p.tier)}, ${word(PASS, p.pass, false)}): the crew replied it cannot`,
  'no-free-crew': (p) => `${s(p.road)} (tier ${s(p.tier)}, ${word(PASS, p.pass, false)}): no free crew and vehicle`,
  'reply-unparsed': (p) => `${s(p.sender)} replied something the parser could not read${p.helpSent ? '; a help SMS went back' : ''}`,
  forbidden: (p) => `${s(p.user)} (${groups(p.roles, false) || 'no snowops group'}) may not ${word(OPERATION, p.operation, false)}; this needs the group ${groups(p.required, false).replace(', ', ' or ')}`,
};

/**
 * A reason the API sent as a code, said in the console's language from the console's own table; a code
 * this build does not know yet is shown as the API's English sentence (`fallback`).
 */
export function sayReason(reason: ReasonCode | null | undefined, fallback: string, timeZone: string): string {
  if (!reason) return fallback;
  const say = (lang.get() === 'en' ? EN : ZH)[reason.code];
  return say ? say(reason.params, timeZone) : fallback;
}

/** A reason code read from a log entry's details (they are free-form JSON). */
export function reasonCodeOf(value: unknown): ReasonCode | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as { code?: unknown; params?: unknown };
  return typeof r.code === 'string' && typeof r.params === 'object' && r.params !== null ? (r as ReasonCode) : undefined;
}
