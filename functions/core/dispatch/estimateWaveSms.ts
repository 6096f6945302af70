import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import { renderTaskingMessages } from '../messages/renderTaskingMessages.ts';
import type { Task } from '../operations/Task.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import { DEFAULT_SMS_SEGMENT_CAP } from '../registry/limits.ts';
import { groupByCrew } from './groupByCrew.ts';
import type { SmsPace } from './SmsPace.ts';
import type { WaveSms } from './WaveSms.ts';

/**
 * The tasking SMS a wave's tasks make (each crew's first tasking to its leader, in the leader's language,
 * within the plan's segment cap, as dispatch renders it) and how long they take at `pace`. Escalations,
 * replies and the duty officer's notices come on top: this is the floor the officer can count on.
 */
export function estimateWaveSms(tasks: readonly Task[], args: { level: ActiveLevel; plan: CityPlan; crews: readonly Crew[]; pace: SmsPace }): WaveSms {
  const crewById = new Map(args.crews.map((c) => [c.id, c]));
  let messages = 0;
  let parts = 0;
  for (const [crewId, crewTasks] of groupByCrew(tasks)) {
    const crew = crewById.get(crewId);
    if (!crew) continue; // Not in the registry: dispatch refuses it, and nothing is sent.
    const rendered = renderTaskingMessages({
      language: crew.leader.language, level: args.level, tasks: crewTasks, timeZone: args.plan.timeZone, variant: { kind: 'first' },
      segmentCap: args.plan.smsSegmentCap ?? DEFAULT_SMS_SEGMENT_CAP, ...(args.pace.signature ? { signature: args.pace.signature } : {}),
    });
    messages += rendered.messages.length;
    parts += rendered.messages.reduce((sum, m) => sum + m.segments, 0);
  }
  return { messages, parts, partsPerSecond: args.pace.partsPerSecond, origination: args.pace.origination ?? null, seconds: Math.ceil(parts / args.pace.partsPerSecond) };
}
