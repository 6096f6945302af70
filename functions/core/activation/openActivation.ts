import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { PreTreatment } from '../operations/PreTreatment.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ReasonCode } from '../text/ReasonCode.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { loggedEvidence } from '../triggers/loggedEvidence.ts';

export interface ActivateRequest {
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
  /** The poller's reason as a code (an officer's reason is free text and has none). */
  reasonCode?: ReasonCode;
  evidence: Evidence[];
}

export type OpenedActivation = { outcome: 'opened'; activation: Activation } | { outcome: 'already-open'; activation: Activation };

/**
 * The first half of an activation: the record (at most one open at a time, whoever races) and its log
 * entry with the evidence; its first wave is still to be planned (plannedWave 0; progress planning when
 * a worker is to plan it).
 */
export async function openActivation(deps: Pick<CoreDeps, 'log' | 'clock' | 'ids' | 'activations'>, request: ActivateRequest, options: { forWorker?: boolean; preTreatment?: PreTreatment } = {}): Promise<OpenedActivation> {
  const at = deps.clock.now().toISOString();
  const activation: Activation = {
    id: `act-${deps.ids.next()}`,
    level: request.level,
    zoneLevels: request.zoneLevels,
    status: 'open',
    openedAt: at,
    openedBy: request.actor,
    reason: request.reason,
    ...(request.reasonCode ? { reasonCode: request.reasonCode } : {}),
    evidenceCount: request.evidence.length,
    wave: 1,
    plannedWave: 0,
    // Followed only where a worker plans the wave; the poller plans in its own run and answers no one.
    ...(options.forWorker ? { progress: { wave: 1, phase: 'planning' as const, at } } : {}),
    ...(options.preTreatment ? { preTreatment: options.preTreatment } : {}),
  };
  if ((await deps.activations.createActivation(activation, request.evidence)) === 'exists') {
    const open = await deps.activations.getOpenActivation();
    if (open) return { outcome: 'already-open', activation: open };
    throw new Error('an activation was reported open but could not be read');
  }
  await deps.log.append({ activationId: activation.id, at, actor: request.actor, action: 'activation.opened', subject: `activation:${activation.id}`, details: { level: request.level, zoneLevels: request.zoneLevels, ...loggedEvidence(request.evidence), ...(request.reasonCode ? { reasonCode: request.reasonCode } : {}) }, reason: request.reason });
  return { outcome: 'opened', activation };
}
