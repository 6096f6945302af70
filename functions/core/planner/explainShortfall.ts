import type { PlanningModel } from './PlanningModel.ts';
import type { Solution } from './SearchState.ts';

/** Says why a road pass got no team, e.g. "no ready spreader in 山阳区; 2 in maintenance". */
export function explainShortfall(model: PlanningModel, solution: Solution, j: number): string {
  const task = model.tasks[j]!;
  const { context } = model;
  const zoneName = context.zones.find((z) => z.id === task.zoneId)?.name ?? task.zoneId;
  const cls = task.pass;
  let pairedCandidates = 0;
  let candidates = 0;
  for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
    candidates++;
    if (solution.pairOfVehicle[model.candVehicle[k]!]! >= 0) pairedCandidates++;
  }
  if (pairedCandidates > 0) {
    return `every ${cls} team that can reach it in ${zoneName} is fully booked within its shift (${pairedCandidates} team${pairedCandidates > 1 ? 's' : ''}; higher tiers first)`;
  }
  if (candidates > 0) return `the crews certified for the ready ${cls}s that could reach it in ${zoneName} are on other vehicles`;

  const ofClass = context.allVehicles.filter((v) => v.class === cls);
  const usable = (v: (typeof ofClass)[number]) => !(cls === 'spreader' && v.chlorideAgent && !task.road.agentAllowed);
  if (cls === 'spreader' && !task.road.agentAllowed && !ofClass.some((v) => v.status === 'ready' && usable(v))) {
    return `road in ${zoneName} is agent-free and no ready chloride-free spreader exists`;
  }
  const inZone = ofClass.filter((v) => v.zoneId === task.zoneId && usable(v));
  const count = (pred: (v: (typeof ofClass)[number]) => boolean) => inZone.filter(pred).length;
  const readyFree = count((v) => v.status === 'ready' && !context.busyVehicleIds.has(v.id));
  const booked = count((v) => v.status === 'assigned' || (v.status === 'ready' && context.busyVehicleIds.has(v.id)));
  const maintenance = count((v) => v.status === 'maintenance');
  const outOfService = count((v) => v.status === 'out-of-service');
  const resting = context.unavailableCrews.filter((u) => u.crew.zoneId === task.zoneId && u.crew.certified.includes(cls));
  const restNote = resting.length > 0 ? `; ${resting.length} certified crew${resting.length > 1 ? 's' : ''} off shift or resting` : '';
  if (readyFree > 0) {
    if (model.vehicles.some((mv) => mv.vehicle.class === cls && mv.zoneId === task.zoneId)) {
      return `longer than any ${cls} team's remaining shift in ${zoneName}`;
    }
    return `no free crew certified for ${cls} in ${zoneName} (${readyFree} ready)${restNote}`;
  }
  const notes = [
    maintenance > 0 ? `${maintenance} in maintenance` : '',
    outOfService > 0 ? `${outOfService} out of service` : '',
    booked > 0 ? `${booked} booked` : '',
  ].filter(Boolean);
  return `no ready ${cls} in ${zoneName}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`;
}
