import { withEvidence } from '../../../core/activation/withEvidence.ts';
import type { Activation } from '../../../core/operations/Activation.ts';
import type { CoreDeps } from '../../../core/ports/CoreDeps.ts';
import { json, type ApiResponse } from './ApiResponse.ts';

/** The 202 of a route that handed a wave to the activation planner: the activation as it stands, and where to follow it. */
export async function waveAccepted(deps: Pick<CoreDeps, 'activations'>, activation: Activation): Promise<ApiResponse> {
  return json(202, { activation: await withEvidence(deps, activation) }, { Location: `/activations/${activation.id}` });
}
