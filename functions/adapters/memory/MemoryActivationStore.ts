import type { ActiveLevel, ResponseLevel } from '../../core/levels/ResponseLevel.ts';
import type { Activation } from '../../core/operations/Activation.ts';
import type { ActivationUpgrade } from '../../core/operations/ActivationUpgrade.ts';
import type { ActivationProgress } from '../../core/operations/ActivationProgress.ts';
import type { ActivationClose, ActivationStore } from '../../core/ports/ActivationStore.ts';
import type { Evidence } from '../../core/triggers/Evidence.ts';
import { copy, record, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoActivationStore. */
export class MemoryActivationStore implements ActivationStore {
  constructor(private readonly memory: OperationsMemory) {}

  async getOpenActivation(): Promise<Activation | undefined> {
    return this.memory.openActivationId === undefined ? undefined : this.getActivation(this.memory.openActivationId);
  }

  async getActivation(id: string): Promise<Activation | undefined> {
    const found = this.memory.activations.get(id);
    return found ? record(found) : undefined;
  }

  async createActivation(activation: Activation, evidence: readonly Evidence[]): Promise<'created' | 'exists'> {
    const m = this.memory;
    if (!m.evidence.has(activation.id)) m.evidence.set(activation.id, copy([...evidence]));
    if (m.openActivationId !== undefined || m.activations.has(activation.id)) return 'exists';
    m.openActivationId = activation.id;
    m.activations.set(activation.id, copy(activation));
    m.activationIndex.push({ openedAt: activation.openedAt, id: activation.id });
    return 'created';
  }

  async getEvidence(activationId: string): Promise<Evidence[]> {
    return copy(this.memory.evidence.get(activationId) ?? []);
  }

  async markWavePlanned(activationId: string, wave: number): Promise<void> {
    const a = this.memory.activations.get(activationId);
    if (a && (a.plannedWave === undefined || a.plannedWave < wave)) a.plannedWave = wave;
  }

  async noteBookingRun(activationId: string): Promise<void> {
    const a = this.memory.activations.get(activationId);
    if (a) a.bookingRuns = (a.bookingRuns ?? 0) + 1;
  }

  async markBookingsDispatched(activationId: string, bookingRuns: number): Promise<void> {
    const a = this.memory.activations.get(activationId);
    if (a && (a.dispatchedBookingRuns === undefined || a.dispatchedBookingRuns < bookingRuns)) a.dispatchedBookingRuns = bookingRuns;
  }

  async noteRefusal(activationId: string, crewId: string): Promise<void> {
    const a = this.memory.activations.get(activationId);
    if (a && !(a.refusedCrewIds ?? []).includes(crewId)) a.refusedCrewIds = [...(a.refusedCrewIds ?? []), crewId];
  }

  async recordProgress(activationId: string, progress: ActivationProgress): Promise<void> {
    const a = this.memory.activations.get(activationId);
    if (a && (a.progress === undefined || a.progress.wave <= progress.wave)) a.progress = copy(progress);
  }

  async upgradeActivation(activationId: string, upgrade: ActivationUpgrade, expectedWave: number): Promise<boolean> {
    const m = this.memory;
    return m.writeIf(() => m.activations.get(activationId), (a) => a?.status === 'open' && a.wave === expectedWave, (writeId) => {
      Object.assign(m.activations.get(activationId)!, { level: upgrade.level, zoneLevels: copy(upgrade.zoneLevels), wave: upgrade.wave, upgradedAt: upgrade.upgradedAt, writeId });
    }, crypto.randomUUID()) === 'written';
  }

  async abandonActivation(activationId: string, at: string, reason: string): Promise<void> {
    const m = this.memory;
    // Nothing when the pointer no longer names it: someone else closed it already.
    if (m.openActivationId !== activationId) return;
    m.openActivationId = undefined;
    const a = m.activations.get(activationId);
    if (a) Object.assign(a, { status: 'stood-down', abandonedAt: at, abandonReason: reason });
  }

  async closeActivation(id: string, close: ActivationClose): Promise<'closed' | 'not-open'> {
    const m = this.memory;
    const a = m.activations.get(id);
    if (a?.status !== 'open' || (m.openActivationId !== undefined && m.openActivationId !== id)) return 'not-open';
    Object.assign(a, { status: 'stood-down', ...close });
    m.openActivationId = undefined;
    return 'closed';
  }

  async changeActivationLevel(id: string, from: ActiveLevel, to: ActiveLevel, zoneLevels: Record<string, ResponseLevel>): Promise<boolean> {
    const m = this.memory;
    return m.writeIf(() => m.activations.get(id), (a) => a?.status === 'open' && a.level === from, (writeId) => {
      Object.assign(m.activations.get(id)!, { level: to, zoneLevels: copy(zoneLevels), writeId });
    }, crypto.randomUUID()) === 'written';
  }

  async listActivations(limit: number): Promise<Activation[]> {
    const newestFirst = [...this.memory.activationIndex].sort((a, b) => (`${b.openedAt}#${b.id}` < `${a.openedAt}#${a.id}` ? -1 : 1));
    return newestFirst.slice(0, limit).flatMap(({ id }) => {
      const a = this.memory.activations.get(id);
      return a ? [record(a)] : [];
    });
  }
}
