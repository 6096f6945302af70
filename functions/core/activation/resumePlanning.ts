import type { Activation } from '../operations/Activation.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { planAndBook } from './planAndBook.ts';

/** Longer than any run that plans a wave lasts (the poller's Lambda timeout is 2 minutes, the API's 30 s). */
const PLANNING_RUN_MS = 3 * 60_000;

/**
 * Finishes the planning of an open activation's current wave when the run that opened or raised it
 * failed before its planning finished (the activation is open, its plannedWave below its wave, for longer
 * than a planning run lasts): the roads
 * in scope are planned and booked as that run would have (passes already tasked are skipped). Undefined
 * when there is nothing to finish.
 */
export async function resumePlanning(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'activations' | 'bookings' | 'tasks' | 'shortfalls'>, open: Activation): Promise<{ shortfalls: Shortfall[] } | undefined> {
  if (open.plannedWave === undefined || open.plannedWave >= open.wave) return undefined;
  // A wave younger than a planning run may still be being planned (an officer's activation racing this poll).
  const since = Date.parse((open.wave > 1 ? open.upgradedAt : undefined) ?? open.openedAt);
  if (deps.clock.now().getTime() - since < PLANNING_RUN_MS) return undefined;
  await deps.log.append({
    activationId: open.id, at: deps.clock.now().toISOString(), actor: 'poller', action: 'activation.planning-resumed', subject: `activation:${open.id}`,
    details: { level: open.level, zoneLevels: open.zoneLevels, wave: open.wave, plannedWave: open.plannedWave },
    reason: 'the run that opened or raised this wave failed before its planning finished',
  });
  const { shortfalls } = await planAndBook(deps, open, open.zoneLevels);
  await deps.activations.markWavePlanned(open.id, open.wave);
  return { shortfalls };
}
