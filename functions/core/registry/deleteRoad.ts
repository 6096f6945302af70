import { ConflictError } from '../errors/ConflictError.ts';
import { OPEN_TASK_STATES } from '../operations/Task.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';

/** How long a deletion's mark holds its road if the deletion dies before finishing (it takes a second or two). */
const RETIRING_MS = 2 * 60_000;
/** How long a deleted road keeps refusing bookings: a planner that read it before may book for as long as a Lambda runs. */
const RETIRED_MS = 15 * 60_000;

type Deps = Pick<CoreDeps, 'clock' | 'ids' | 'activations' | 'tasks' | 'roadRetirements'>;

/**
 * Deletes a road (`remove`) unless it is on open tasks, whatever bookings race it: the road is marked first,
 * and every booking checks the mark in its own transaction, so a booking either landed before the open
 * tasks are read here (409, naming them) or is refused. The mark is removed on a refusal and kept, as
 * retired, after the deletion.
 */
export async function deleteRoad(deps: Deps, roadId: string, remove: () => Promise<void>): Promise<void> {
  const now = deps.clock.now();
  const token = deps.ids.next();
  const later = (ms: number) => new Date(now.getTime() + ms).toISOString();
  if ((await deps.roadRetirements.beginRetiring(roadId, token, now.toISOString(), later(RETIRING_MS))) === 'busy') {
    throw new ConflictError(`road ${roadId} is being deleted by another request; try again in a minute`, { id: roadId });
  }
  try {
    const open = await deps.activations.getOpenActivation();
    const onTasks = open ? (await deps.tasks.listTasks(open.id)).filter((t) => t.roadId === roadId && OPEN_TASK_STATES.includes(t.state)) : [];
    if (onTasks.length > 0) {
      const codes = onTasks.map((t) => t.code);
      throw new ConflictError(`road ${roadId} is on ${codes.length} open tasks (${codes.join(', ')}); stand down or wait until they are done`, { id: roadId, openTasks: codes.length, tasks: codes });
    }
    await remove();
  } catch (error) {
    await deps.roadRetirements.cancelRetiring(roadId, token);
    throw error;
  }
  await deps.roadRetirements.markRetired(roadId, token, later(RETIRED_MS));
}
