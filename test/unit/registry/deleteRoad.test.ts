import { describe, expect, it } from 'vitest';
import { memoryOperations } from '../../../functions/adapters/memory/memoryOperations.ts';
import { UlidGenerator } from '../../../functions/adapters/system/UlidGenerator.ts';
import { ConflictError } from '../../../functions/core/errors/ConflictError.ts';
import { deleteRoad } from '../../../functions/core/registry/deleteRoad.ts';
import { SimulatedClock } from '../../../local/runtime/SimulatedClock.ts';
import { AT, openActivation, task } from '../../contract/support/records.ts';

async function world() {
  const ports = memoryOperations();
  await ports.activations.createActivation(openActivation(), []);
  const removed: string[] = [];
  const deps = { ...ports, clock: new SimulatedClock(new Date(AT)), ids: new UlidGenerator() };
  const remove = (id: string) => async () => { removed.push(id); };
  return { deps, removed, remove };
}

describe('deleteRoad (issue 14, defect 4, on the in-memory twins)', () => {
  it('refuses a road on open tasks with 409 naming the tasks, removes nothing, and leaves the road bookable', async () => {
    const { deps, removed, remove } = await world();
    await deps.bookings.bookTeam([task(1, 1)]);
    const error = await deleteRoad(deps, 'R1', remove('R1')).catch((e: unknown) => e);
    const later = await deps.bookings.bookTeam([task(2, 1, { id: 'again', pass: 'spreader' })]);
    expect({ error: error instanceof ConflictError ? error.message : error, removed, later })
      .toEqual({ error: 'road R1 is on 1 open tasks (T01); stand down or wait until they are done', removed: [], later: { ok: true } });
  });

  it('deletes a road on no open task, and refuses a late booking onto it from a plan made before', async () => {
    const { deps, removed, remove } = await world();
    await deleteRoad(deps, 'R1', remove('R1'));
    expect({ removed, late: await deps.bookings.bookTeam([task(1, 1)]) }).toEqual({ removed: ['R1'], late: { ok: false, reason: 'road Road 1 is being deleted from the registry' } });
  });

  it('refuses a second deletion of the road while the first is under way', async () => {
    const { deps, remove } = await world();
    let second: unknown;
    await deleteRoad(deps, 'R1', async () => { second = await deleteRoad(deps, 'R1', remove('R1')).catch((e: unknown) => e); });
    expect(second instanceof ConflictError ? second.message : second).toBe('road R1 is being deleted by another request; try again in a minute');
  });

  it('leaves no mark when the removal fails, so the road can be booked', async () => {
    const { deps } = await world();
    const error = await deleteRoad(deps, 'R1', async () => { throw new Error('registry unavailable'); }).catch((e: unknown) => (e as Error).message);
    expect({ error, booked: await deps.bookings.bookTeam([task(1, 1)]) }).toEqual({ error: 'registry unavailable', booked: { ok: true } });
  });
});
