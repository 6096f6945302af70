import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { Task } from '../operations/Task.ts';
import type { Language } from '../registry/Language.ts';
import { renderSms, type RenderedSms } from './catalogue/renderSms.ts';
import { fill } from './fill.ts';
import { localTime } from './localTime.ts';
import { SMS_TEMPLATES } from './templates.ts';

export type { RenderedSms } from './catalogue/renderSms.ts';

/** First send, a resend to the same leader, or the hand-over to the backup leader. */
export type TaskingVariant = { kind: 'first' } | { kind: 'resend' } | { kind: 'backup'; leaderName: string };

/**
 * Renders one leader's tasking from the catalogue's tasking templates: level, vehicle, depot, start-by (local),
 * tasks in order with their codes, reply legend; after the stage's signature when it has one.
 */
export function renderTasking(args: { language: Language; level: ActiveLevel; tasks: readonly Task[]; timeZone: string; variant?: TaskingVariant; signature?: string }): RenderedSms {
  const t = SMS_TEMPLATES[args.language];
  const tasks = [...args.tasks].sort((a, b) => a.sequence - b.sequence);
  const first = tasks[0];
  if (!first) throw new Error('renderTasking needs at least one task');
  const params = {
    level: t.level[args.level],
    vehicle: first.vehicleLabel,
    depot: first.depot,
    startBy: localTime(first.startBy, args.timeZone),
    tasks: tasks.map((task) => fill(t.task, { code: task.code, road: task.roadName, pass: t.pass[task.pass] })).join(t.taskSeparator),
  };
  const variant = args.variant ?? { kind: 'first' };
  if (variant.kind === 'resend') return renderSms('tasking.resend', args.language, params, args.signature);
  if (variant.kind === 'backup') return renderSms('tasking.backup', args.language, { ...params, leader: variant.leaderName }, args.signature);
  return renderSms('tasking', args.language, params, args.signature);
}
