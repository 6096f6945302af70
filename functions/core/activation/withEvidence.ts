import type { Activation } from '../operations/Activation.ts';
import type { ActivationWithEvidence } from '../operations/ActivationWithEvidence.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';

/** An activation as one activation is shown: its record with the evidence read back whole from where it is kept. */
export async function withEvidence(deps: Pick<CoreDeps, 'activations'>, activation: Activation): Promise<ActivationWithEvidence> {
  return { ...activation, evidence: await deps.activations.getEvidence(activation.id) };
}
