import type { Activation } from '../operations/Activation.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { PlanningRequests } from '../ports/PlanningRequests.ts';
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
 * The wave's run is over without planning it: the activation is open, its plannedWave below its wave, for
 * longer than a planning run lasts since the wave began or since a run last recorded its progress (a run
 * that recorded progress at T is over by T + its timeout).
 */
function unfinishedWave(deps: Pick<CoreDeps, 'clock'>, open: Activation): boolean {
  if (open.plannedWave === undefined || open.plannedWave >= open.wave) return false;
  const began = Date.parse((open.wave > 1 ? open.upgradedAt : undefined) ?? open.openedAt);
  const progress = open.progress;
  const since = progress && progress.wave === open.wave ? Math.max(began, Date.parse(progress.at)) : began;
  // A wave younger than a planning run may still be being planned (by the worker, or an officer's activation racing this poll).
  return deps.clock.now().getTime() - since >= planningRunMs(open);
}

const resumedEntry = (deps: Pick<CoreDeps, 'clock'>, open: Activation, handed: boolean) => ({
  activationId: open.id, at: deps.clock.now().toISOString(), actor: 'poller', action: 'activation.planning-resumed', subject: `activation:${open.id}`,
  details: { level: open.level, zoneLevels: open.zoneLevels, wave: open.wave, plannedWave: open.plannedWave, ...(handed ? { handedToPlanner: true } : {}) },
  reason: 'the run that opened or upgraded this wave failed before its planning finished',
});

/**
 * Finishes an open activation's current wave when the run that opened or upgraded it failed before its
 * planning finished (unfinishedWave): the roads in scope are planned, booked and dispatched as that run would have (passes already
 * tasked are skipped; what was sent is not sent again). Undefined when there is nothing to finish.
 */
export async function resumePlanning(deps: PlanningDeps, open: Activation): Promise<WaveOutcome | undefined> {
  if (!unfinishedWave(deps, open)) return undefined;
  await deps.log.append(resumedEntry(deps, open, false));
  return planActivationWave(deps, { activationId: open.id, wave: open.wave });
}

/**
 * resumePlanning's hand-over where a planning worker runs (deployed): the unfinished wave is requested from
 * the worker again, its progress saying planning from now so that later polls wait for that run. True when handed.
 */
export async function handResumedWave(deps: Pick<CoreDeps, 'log' | 'clock' | 'activations'> & { planning: PlanningRequests }, open: Activation): Promise<boolean> {
  if (!unfinishedWave(deps, open)) return false;
  await deps.log.append(resumedEntry(deps, open, true));
  await deps.activations.recordProgress(open.id, { wave: open.wave, phase: 'planning', at: deps.clock.now().toISOString() });
  await deps.planning.request({ activationId: open.id, wave: open.wave });
  return true;
}
