import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { Task } from '../operations/Task.ts';
import type { Language } from '../registry/Language.ts';
import { fill } from './fill.ts';
import { localTime } from './localTime.ts';
import { smsSegments, type SegmentCount } from './smsSegments.ts';
import { SMS_TEMPLATES } from './templates.ts';

export interface RenderedSms extends SegmentCount {
  body: string;
}

/** First send, a resend to the same leader, or the hand-over to the backup leader. */
export type TaskingVariant = { kind: 'first' } | { kind: 'resend' } | { kind: 'backup'; leaderName: string };

/** Renders one leader's tasking: level, vehicle, depot, start-by (local), tasks in order with their codes, reply legend. */
export function renderTasking(args: { language: Language; level: ActiveLevel; tasks: readonly Task[]; timeZone: string; variant?: TaskingVariant }): RenderedSms {
  const t = SMS_TEMPLATES[args.language];
  const tasks = [...args.tasks].sort((a, b) => a.sequence - b.sequence);
  const first = tasks[0];
  if (!first) throw new Error('renderTasking needs at least one task');
  const header = fill(t.header, {
    level: t.level[args.level],
    vehicle: first.vehicleLabel,
    depot: first.depot,
    startBy: localTime(first.startBy, args.timeZone),
  });
  const lines = tasks.map((task) => fill(t.task, { code: task.code, road: task.roadName, pass: t.pass[task.pass] }));
  const variant = args.variant ?? { kind: 'first' };
  const prefix = variant.kind === 'resend' ? t.resendPrefix : variant.kind === 'backup' ? fill(t.backupPrefix, { leader: variant.leaderName }) : '';
  const body = prefix + header + lines.join(t.taskSeparator) + t.legend;
  return { body, ...smsSegments(body) };
}
