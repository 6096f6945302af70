import { planAndBook } from '../activation/planAndBook.ts';
import { dispatchWave } from '../dispatch/dispatchWave.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { TeamBookings } from '../ports/TeamBookings.ts';

/** The bookings as the planner should see them: the crews in `crewIds` count as busy, so a crew that refused is not picked again. */
function excludingCrews(bookings: TeamBookings, crewIds: ReadonlySet<string>): TeamBookings {
  return new Proxy(bookings, {
    get(target, prop) {
      if (prop === 'listBusy') {
        return async () => {
          const busy = await target.listBusy();
          for (const id of crewIds) busy.crewIds.add(id);
          return busy;
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * After a "9" (cannot): asks the planner for another team for the passes the crew gave back, and
 * dispatches what it booked. Returns the new tasks (empty when no team is free: a shortfall, logged by the planner).
 */
export async function requestReplacement(deps: MessagingDeps, activation: Activation, refusingCrewId: string): Promise<Task[]> {
  // Every crew that said "cannot" in this activation stays out of it until a duty officer decides otherwise.
  const refused = new Set((await deps.tasks.listTasks(activation.id)).filter((t) => t.state === 'cannot').map((t) => t.crewId));
  refused.add(refusingCrewId);
  const { tasks } = await planAndBook({ ...deps, bookings: excludingCrews(deps.bookings, refused) }, activation, activation.zoneLevels);
  await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'escalator', action: 'replacement.requested', subject: `crew:${refusingCrewId}`, details: { booked: tasks.map((t) => ({ code: t.code, crewId: t.crewId, road: t.roadName })) } });
  // Even when nothing new was booked: a retry finds what a failed run booked and did not get to dispatch.
  await dispatchWave(deps, activation.id);
  return tasks;
}
