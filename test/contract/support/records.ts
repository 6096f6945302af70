import type { Activation } from '../../../functions/core/operations/Activation.ts';
import type { Task } from '../../../functions/core/operations/Task.ts';

export const AT = '2026-12-14T00:00:00.000Z';

/** An open activation at level II, wave 1. */
export function openActivation(id = 'act-1', overrides: Partial<Activation> = {}): Activation {
  return { id, level: 'II', zoneLevels: { z1: 'II' }, status: 'open', openedAt: AT, openedBy: 'test', reason: 'test', evidenceCount: 0, wave: 1, ...overrides };
}

/** A planned task of a team (crew C<n>, vehicle V<n>) on road R<road>. */
export function task(n: number, road: number, overrides: Partial<Task> = {}): Task {
  return {
    id: `task-${n}-${road}`, code: `T${String(road).padStart(2, '0')}`, activationId: 'act-1', roadId: `R${road}`, roadName: `Road ${road}`, zoneId: 'z1', tier: 1,
    pass: 'plough', laneKm: 2, crewId: `C${n}`, vehicleId: `V${n}`, vehicleLabel: `V-${n}`, depot: 'depot', sequence: 1,
    startBy: '2026-12-14T00:30:00.000Z', passableAt: '2026-12-14T01:30:00.000Z', state: 'planned', wave: 1, updatedAt: AT, ...overrides,
  };
}
