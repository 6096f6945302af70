import type { Task } from '../operations/Task.ts';
import { dispatchGroup, noDispatchCounts, type DispatchCounts, type WaveContext } from './dispatchGroup.ts';
import { groupByCrew } from './groupByCrew.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { resolveMessaging } from './resolveMessaging.ts';
import { runPool } from './runPool.ts';

/**
 * The wave's context read once: the activation as it is now, the plan and the crews. Undefined when the activation
 * is gone. The carrier's opt-out list is fetched once for every leader, as the whole-wave dispatch does, so that the
 * streamed teams' SMS are not each preceded by a check of their number (the checker decides when a list pays).
 */
export async function readWaveContext(deps: MessagingDeps, activationId: string): Promise<WaveContext | undefined> {
  const [activation, plan, crews] = await Promise.all([deps.activations.getActivation(activationId), deps.registry.getPlan(), deps.registry.listCrews()]);
  if (!activation) return undefined;
  // A list that could not be fetched leaves the checks per number.
  await resolveMessaging(deps).m.optOut?.prefetch?.(crews.map((c) => c.leader.phone)).catch(() => undefined);
  return { activation, plan, crewById: new Map(crews.map((c) => [c.id, c])) };
}

/**
 * Texts teams handed to dispatch as their bookings landed (the streamed first wave), reading only the tasks
 * handed: those still planned in the activation's current wave go out, one SMS per crew, exactly as the
 * whole-wave dispatch would send them (same case, same key), so a later wave dispatch sends them no second
 * time; tasks that moved on meanwhile (dispatched, cancelled, a wave that was upgraded) are left alone.
 */
export async function dispatchTeams(deps: MessagingDeps, ctx: WaveContext, tasks: readonly Task[]): Promise<DispatchCounts> {
  const counts = noDispatchCounts();
  if (ctx.activation.status !== 'open') return counts;
  const due = tasks.filter((t) => t.activationId === ctx.activation.id && t.wave === ctx.activation.wave && t.state === 'planned');
  const groups = [...groupByCrew(due).values()];
  const { m } = resolveMessaging(deps);
  await runPool(groups, m.concurrency, (group) => dispatchGroup(deps, ctx, group, undefined, counts));
  return counts;
}

/** dispatchTeams for tasks named by id (the dispatch queue's messages carry ids): reads the context and those tasks only. */
export async function dispatchTeamsById(deps: MessagingDeps, activationId: string, taskIds: readonly string[]): Promise<DispatchCounts> {
  const [ctx, tasks] = await Promise.all([readWaveContext(deps, activationId), deps.tasks.getTasks(activationId, taskIds)]);
  if (!ctx) throw new Error(`activation ${activationId} not found`);
  return dispatchTeams(deps, ctx, tasks);
}
