import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { planAndBook } from './planAndBook.ts';
import { recordUpgrade, type UpgradeLevelRequest } from './recordUpgrade.ts';
import { firstResponseWave } from '../pretreatment/preTreatmentInput.ts';
import { startingPlan } from '../readiness/startingPlan.ts';

export type UpgradeLevelResult =
  | { outcome: 'upgraded'; activation: Activation; tasks: Task[]; shortfalls: Shortfall[] }
  | { outcome: 'unchanged'; activation: Activation }
  | { outcome: 'conflict'; activation: Activation };

/**
 * Upgrades an open activation mid-storm (never downgrades a zone: zone levels only go up), opens a new dispatch wave,
 * and books the roads the higher levels bring into scope, in this run (the poller's). A concurrent upgrade
 * wins; this one reports conflict. If planning fails, the upgrade is undone (the activation is back at its
 * level and wave) and the error rethrown.
 */
export async function upgradeLevel(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'readyPlans'>, request: UpgradeLevelRequest): Promise<UpgradeLevelResult> {
  const recorded = await recordUpgrade(deps, request);
  if (recorded.outcome !== 'upgraded') return recorded;
  const { activation: upgraded, upgradedFrom } = recorded;
  let planned: Awaited<ReturnType<typeof planAndBook>>;
  try {
    // The snow arriving after a pre-treatment: its first response wave repairs the plan kept ready, as an activation's first wave does.
    const first = upgraded.wave === firstResponseWave(upgraded);
    planned = await planAndBook(deps, upgraded, upgraded.zoneLevels, first ? { from: await startingPlan(deps) } : {});
    if (first) await deps.readyPlans.clearReadyPlan();
  } catch (error) {
    // planAndBook removed its bookings; lowering the activation back lets the retry upgrade it and plan the wave again.
    const undone = await deps.activations.upgradeActivation(upgraded.id, upgradedFrom, upgraded.wave);
    await deps.log.append({ activationId: upgraded.id, at: deps.clock.now().toISOString(), actor: request.actor, action: 'activation.upgrade-undone', subject: `activation:${upgraded.id}`, details: { from: upgraded.level, to: upgradedFrom.level, wave: upgraded.wave, undone }, reason: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  await deps.activations.markWavePlanned(upgraded.id, upgraded.wave);
  return { outcome: 'upgraded', activation: { ...upgraded, plannedWave: upgraded.wave }, tasks: planned.tasks, shortfalls: planned.shortfalls };
}
