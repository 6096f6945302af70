import type { Activation } from '../operations/Activation.ts';
import type { PreTreatment } from '../operations/PreTreatment.ts';
import type { PlannerInput } from '../planner/PlannerInput.ts';
import type { Road } from '../registry/Road.ts';

/** Tier-1 roads (hub and arterial roads, bridges, ramps, slopes) in the zones on watch where the registry allows de-icing agent. */
export function preTreatedRoads(roads: readonly Road[], zoneLevels: Record<string, string>): Road[] {
  return roads.filter((r) => r.tier === 1 && r.agentAllowed && (zoneLevels[r.zoneId] ?? 'none') !== 'none');
}

/**
 * What the planner is given for a pre-treatment wave: one spreader pass on each pre-treated road, at the
 * levels the zones on watch were forecast, work starting at staging (an hour before the snow). Each pass
 * is the road's spreader pass of the activation: the wave after it does not plan it again.
 */
export function preTreatmentInput(input: PlannerInput, preTreatment: PreTreatment): PlannerInput {
  const roads = preTreatedRoads(input.roads, preTreatment.zoneLevels).map(({ passesByLevel: _byLevel, ...road }) => ({ ...road, passes: ['spreader' as const] }));
  const stagingAt = new Date(preTreatment.stagingAt);
  return { ...input, roads, zoneLevels: preTreatment.zoneLevels, startAt: stagingAt > input.startAt ? stagingAt : input.startAt };
}

/** The planner's input for an activation's current wave: narrowed to the pre-treatment while that is the wave. */
export function waveInput(activation: Pick<Activation, 'wave' | 'preTreatment'>, input: PlannerInput): PlannerInput {
  return activation.preTreatment?.wave === activation.wave ? preTreatmentInput(input, activation.preTreatment) : input;
}

/** The activation's first wave of snow response, the one that starts from the plan kept ready: the wave after a pre-treatment, else the first. */
export function firstResponseWave(activation: Pick<Activation, 'preTreatment'>): number {
  return activation.preTreatment ? activation.preTreatment.wave + 1 : 1;
}
