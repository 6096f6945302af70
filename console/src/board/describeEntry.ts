import type { LogEntry } from '../api/types.ts';
import { lang } from '../ui/i18n.ts';
import { reasonCodeOf, sayReason } from '../ui/reasons.ts';

// The actions people meet most, in words; the rest keep their log name.
const WORDS: Record<string, [string, string]> = {
  'activation.opened': ['启动响应', 'activation opened'], 'activation.upgraded': ['响应升级', 'level upgraded'], 'activation.downgraded': ['响应降级', 'level downgraded'],
  // Names written before the one-word rename (upgrade / downgrade end to end).
  'activation.raised': ['响应升级', 'level upgraded'], 'activation.lowered': ['响应降级', 'level downgraded'],
  'activation.stood-down': ['解除响应', 'stood down'], 'activation.proposed': ['建议启动', 'activation proposed'],
  'upgrade.proposed': ['建议升级', 'upgrade proposed'], 'downgrade.proposed': ['建议降级', 'downgrade proposed'], 'stand-down.proposed': ['建议解除响应', 'stand-down proposed'],
  'activation.abandoned': ['启动未完成，已关闭', 'activation abandoned'], 'activation.upgrade-undone': ['升级未完成，已退回', 'upgrade undone'], 'team.booked': ['班组已排班', 'team booked'],
  'sms.sent': ['短信已发送', 'SMS sent'], 'sms.failed': ['短信发送失败', 'SMS failed'], 'reply.ack': ['回复：确认', 'reply: acknowledged'], 'reply.onsite': ['回复：到场', 'reply: on site'],
  'reply.done': ['回复：完成', 'reply: done'], 'reply.cannot': ['回复：无法执行', 'reply: cannot'], 'reply.unknown': ['无法识别的回复', 'reply not understood'], 'reply.help': ['回复：求助', 'reply: help'],
  'reply.stop': ['回复：退订', 'reply: STOP'], 'road.shortfall': ['道路缺口', 'road short'], 'task.reassigned': ['任务改派', 'task reassigned'], 'officer.message': ['值班员短信', 'officer SMS'],
  'officer.notified': ['已通知值班员', 'duty officer told'], 'forecast.level-changed': ['预报级别变化', 'forecast level changed'], 'forecast.stale': ['预报过期', 'forecast stale'],
  'escalation.advanced': ['升级催办', 'escalated'], 'tasks.cancelled': ['任务取消', 'tasks cancelled'], 'replacement.requested': ['请求替换', 'replacement requested'],
};

/** One log line as a person reads it; a reason the API coded is said in the console's language, its times in `timeZone`. */
export function describeEntry(e: LogEntry, timeZone: string): string {
  const d = e.details;
  const word = WORDS[e.action]?.[lang.get() === 'en' ? 1 : 0] ?? e.action;
  // Tasks are logged as codes, or (team.booked) as objects that carry their code.
  const codes = Array.isArray(d.tasks) ? (d.tasks as unknown[]).map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x !== null ? String((x as { code?: unknown }).code ?? '') : '')).filter(Boolean) : [];
  const tasks = codes.length ? ` ${codes.join(',')}` : '';
  const body = typeof d.body === 'string' ? ` “${d.body}”` : typeof d.text === 'string' ? ` “${d.text}”` : '';
  const subject = e.subject && !e.subject.startsWith('message:') ? ` ${e.subject}` : '';
  const reason = e.reason ? sayReason(reasonCodeOf(d.reasonCode), e.reason, timeZone) : '';
  return `${word}${subject}${tasks}${body}${reason ? ` — ${reason}` : ''} · ${e.actor}`;
}
