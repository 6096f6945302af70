import type { Activation } from '../operations/Activation.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { PlanningRequests } from '../ports/PlanningRequests.ts';
import { openActivation, type ActivateRequest } from './openActivation.ts';
import { recordUpgrade, type RecordedUpgrade, type UpgradeLevelRequest } from './recordUpgrade.ts';

/** A wave left to the planning worker: the activation as recorded, its progress saying planning. */
export interface HandedWave { outcome: 'handed'; activation: Activation }

type HandDeps = Pick<CoreDeps, 'log' | 'clock' | 'ids' | 'activations'> & { planning: PlanningRequests };

/**
 * Opens an activation whose first wave the planning worker plans, books and hands to dispatch: the record
 * (progress planning) and the request, nothing planned in the caller's run, which a city's first wave would
 * outlast (the poller's 2 minutes; a request's 29 s). Should the request fail after the record, the
 * activation is open with its wave unplanned, and the poller's resumePlanning hands it over again.
 */
export async function openForPlanner(deps: HandDeps, request: ActivateRequest): Promise<HandedWave | { outcome: 'already-open'; activation: Activation }> {
  const opened = await openActivation(deps, request, { forWorker: true });
  if (opened.outcome === 'already-open') return opened;
  await deps.planning.request({ activationId: opened.activation.id, wave: opened.activation.wave });
  return { outcome: 'handed', activation: opened.activation };
}

/**
 * Upgrades an open activation under a new wave and leaves that wave to the planning worker (progress
 * planning), with what it was upgraded from so that a failed planning lowers it back.
 */
export async function upgradeForPlanner(deps: Omit<HandDeps, 'ids'>, request: UpgradeLevelRequest): Promise<HandedWave | Exclude<RecordedUpgrade, { outcome: 'upgraded' }>> {
  const recorded = await recordUpgrade(deps, request);
  if (recorded.outcome !== 'upgraded') return recorded;
  const { activation, upgradedFrom } = recorded;
  const progress = { wave: activation.wave, phase: 'planning' as const, at: deps.clock.now().toISOString() };
  await deps.activations.recordProgress(activation.id, progress);
  await deps.planning.request({ activationId: activation.id, wave: activation.wave, upgradedFrom });
  return { outcome: 'handed', activation: { ...activation, progress } };
}
