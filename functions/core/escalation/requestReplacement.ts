import { planAndBook } from '../activation/planAndBook.ts';
import { dispatchTeams, readWaveContext } from '../dispatch/dispatchTeams.ts';
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
 * After a "9" (cannot): asks the planner for another team for the passes the crew gave back, and texts what it
 * booked. Reads only what it touches: the refusals kept on the activation, the covers of those passes, and the
 * tasks holding them; never the activation's task or case lists. Returns the new tasks (empty when no team is
 * free: a shortfall, logged by the planner).
 */
export async function requestReplacement(deps: MessagingDeps, activation: Activation, refusingCrewId: string, givenBack: readonly Task[]): Promise<Task[]> {
  // Every crew that said "cannot" in this activation stays out of it until a duty officer decides otherwise.
  await deps.activations.noteRefusal(activation.id, refusingCrewId);
  const refused = new Set([...(activation.refusedCrewIds ?? []), refusingCrewId]);
  const passes = givenBack.map((t) => ({ roadId: t.roadId, pass: t.pass }));
  const { tasks } = await planAndBook({ ...deps, bookings: excludingCrews(deps.bookings, refused) }, activation, activation.zoneLevels, { passes });
  await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'escalator', action: 'replacement.requested', subject: `crew:${refusingCrewId}`, details: { booked: tasks.map((t) => ({ code: t.code, crewId: t.crewId, road: t.roadName })) } });
  // The tasks holding the passes now: this run's, or those a run that died before texting them booked (a retried reply).
  const holders = await deps.bookings.findCovers(activation.id, passes);
  const booked = new Set(tasks.map((t) => t.id));
  const earlier = [...holders.values()].filter((id) => !booked.has(id));
  const toText = [...tasks, ...(earlier.length > 0 ? await deps.tasks.getTasks(activation.id, earlier) : [])];
  const ctx = await readWaveContext(deps, activation.id);
  if (ctx && toText.length > 0) await dispatchTeams(deps, ctx, toText);
  await markToldWhenAlone(deps, activation, ctx?.activation);
  return tasks;
}

/**
 * The booking run above counted twice on the activation (withBookingRun): when nothing else booked meanwhile and
 * every run before it was told, what it booked has just been texted, and the poller need not ask for the
 * wave's dispatch (which reads the whole activation). Otherwise the poller's check stands.
 */
async function markToldWhenAlone(deps: MessagingDeps, before: Activation, after: Activation | undefined): Promise<void> {
  if (!after || before.bookingRuns === undefined || after.bookingRuns === undefined) return;
  const toldBefore = (before.dispatchedBookingRuns ?? 0) >= before.bookingRuns;
  if (toldBefore && after.bookingRuns === before.bookingRuns + 2) await deps.activations.markBookingsDispatched(before.id, after.bookingRuns);
}
