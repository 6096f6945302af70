import type { Activation } from '../operations/Activation.ts';
import { planActivationWave, type PlanningDeps, type WaveOutcome } from './planActivationWave.ts';

/**
 * Longer than any run that plans a wave lasts: the activation planner Lambda's timeout is 15 minutes
 * (lib/activation/ActivationPlanner.ts), the poller's 2; a younger wave may still be in a live run.
 */
export const PLANNING_RUN_MS = 16 * 60_000;

/** Longer than a poller run lasts (its timeout is 2 minutes, lib/poller/ForecastPoller.ts). */
export const POLL_RUN_MS = 3 * 60_000;

/**
 * How long a wave may still be in the run planning it: the planner's length when a worker took it (its
 * progress names this wave), the poller's otherwise, so a poller run that died mid-wave is finished on
 * its own retry or next tick rather than a quarter of an hour later.
 */
export function planningRunMs(open: Activation): number {
  return open.progress?.wave === open.wave ? PLANNING_RUN_MS : POLL_RUN_MS;
}

/**
 * Finishes an open activation's current wave when the run that opened or upgraded it failed before its
 * planning finished (the activation is open, its plannedWave below its wave, for longer than a planning run
 * lasts): the roads in scope are planned, booked and dispatched as that run would have (passes already
 * tasked are skipped; what was sent is not sent again). Undefined when there is nothing to finish.
 */
export async function resumePlanning(deps: PlanningDeps, open: Activation): Promise<WaveOutcome | undefined> {
  if (open.plannedWave === undefined || open.plannedWave >= open.wave) return undefined;
  // A wave younger than a planning run may still be being planned (by the worker, or an officer's activation racing this poll).
  const since = Date.parse((open.wave > 1 ? open.upgradedAt : undefined) ?? open.openedAt);
  if (deps.clock.now().getTime() - since < planningRunMs(open)) return undefined;
  await deps.log.append({
    activationId: open.id, at: deps.clock.now().toISOString(), actor: 'poller', action: 'activation.planning-resumed', subject: `activation:${open.id}`,
    details: { level: open.level, zoneLevels: open.zoneLevels, wave: open.wave, plannedWave: open.plannedWave },
    reason: 'the run that opened or upgraded this wave failed before its planning finished',
  });
  return planActivationWave(deps, { activationId: open.id, wave: open.wave });
}
