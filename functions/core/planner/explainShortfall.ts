import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import { reasonCode, type ReasonCode, type ReasonCodeName, type ReasonParams } from '../text/ReasonCode.ts';
import type { Vehicle } from '../registry/Vehicle.ts';
import type { PlanningModel } from './PlanningModel.ts';
import type { Solution } from './SearchState.ts';

/**
 * What the explanations look up, grouped once per plan (by zone, by class), so that explaining
 * every pass left out of a city of 50,000 roads does not scan every zone, vehicle and crew per pass.
 */
export interface ShortfallIndex {
  zoneName: Map<string, string>;
  /** Every vehicle of a zone and class (`zone|class`). */
  ofZoneClass: Map<string, Vehicle[]>;
  /** Whether the city has a ready spreader without chloride (for agent-free roads). */
  readyChlorideFreeSpreader: boolean;
  /** Crews off shift or resting, by zone. */
  restingOfZone: Map<string, { certified: readonly EquipmentClass[] }[]>;
  /** `zone|class` of every vehicle in the model (ready, free, with a crew that may drive it). */
  modelled: Set<string>;
}

export function shortfallIndex(model: PlanningModel): ShortfallIndex {
  const { context } = model;
  const ofZoneClass = new Map<string, Vehicle[]>();
  for (const v of context.allVehicles) {
    const key = `${v.zoneId}|${v.class}`;
    const list = ofZoneClass.get(key);
    if (list) list.push(v);
    else ofZoneClass.set(key, [v]);
  }
  const restingOfZone = new Map<string, { certified: readonly EquipmentClass[] }[]>();
  for (const { crew } of context.unavailableCrews) {
    const list = restingOfZone.get(crew.zoneId);
    if (list) list.push(crew);
    else restingOfZone.set(crew.zoneId, [crew]);
  }
  return {
    zoneName: new Map(context.zones.map((z) => [z.id, z.name])),
    ofZoneClass, restingOfZone,
    readyChlorideFreeSpreader: context.allVehicles.some((v) => v.class === 'spreader' && v.status === 'ready' && !v.chlorideAgent),
    modelled: new Set(model.vehicles.map((mv) => `${mv.zoneId}|${mv.vehicle.class}`)),
  };
}

/** Why a pass is short: the English sentence and its code with the figures in it. */
export interface ShortfallReason { reason: string; reasonCode: ReasonCode }

const said = (reason: string, code: ReasonCodeName, params: ReasonParams): ShortfallReason => ({ reason, reasonCode: reasonCode(code, params) });

/** Says why a road pass got no team, e.g. "no ready spreader in 山阳区; 2 in maintenance", and its code. */
export function explainShortfall(model: PlanningModel, solution: Solution, j: number, index: ShortfallIndex = shortfallIndex(model)): ShortfallReason {
  const task = model.tasks[j]!;
  const { context } = model;
  const zoneName = index.zoneName.get(task.zoneId) ?? task.zoneId;
  const cls = task.pass;
  let pairedCandidates = 0;
  let candidates = 0;
  for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
    candidates++;
    if (solution.pairOfVehicle[model.candVehicle[k]!]! >= 0) pairedCandidates++;
  }
  if (pairedCandidates > 0) {
    return said(`every ${cls} team that can reach it in ${zoneName} is fully booked within its shift (${pairedCandidates} team${pairedCandidates > 1 ? 's' : ''}; higher tiers first)`, 'teams-fully-booked', { pass: cls, zone: zoneName, teams: pairedCandidates });
  }
  if (candidates > 0) return said(`the crews certified for the ready ${cls}s that could reach it in ${zoneName} are on other vehicles`, 'certified-crews-elsewhere', { pass: cls, zone: zoneName });

  const usable = (v: Vehicle) => !(cls === 'spreader' && v.chlorideAgent && !task.road.agentAllowed);
  if (cls === 'spreader' && !task.road.agentAllowed && !index.readyChlorideFreeSpreader) {
    return said(`road in ${zoneName} is agent-free and no ready chloride-free spreader exists`, 'no-chloride-free-spreader', { zone: zoneName });
  }
  const inZone = (index.ofZoneClass.get(`${task.zoneId}|${cls}`) ?? []).filter(usable);
  const count = (pred: (v: Vehicle) => boolean) => inZone.filter(pred).length;
  const readyFree = count((v) => v.status === 'ready' && !context.busyVehicleIds.has(v.id));
  const booked = count((v) => v.status === 'assigned' || (v.status === 'ready' && context.busyVehicleIds.has(v.id)));
  const maintenance = count((v) => v.status === 'maintenance');
  const outOfService = count((v) => v.status === 'out-of-service');
  const resting = (index.restingOfZone.get(task.zoneId) ?? []).filter((crew) => crew.certified.includes(cls));
  const restNote = resting.length > 0 ? `; ${resting.length} certified crew${resting.length > 1 ? 's' : ''} off shift or resting` : '';
  if (readyFree > 0) {
    if (index.modelled.has(`${task.zoneId}|${cls}`)) {
      return said(`longer than any ${cls} team's remaining shift in ${zoneName}`, 'longer-than-shift', { pass: cls, zone: zoneName });
    }
    return said(`no free crew certified for ${cls} in ${zoneName} (${readyFree} ready)${restNote}`, 'no-free-certified-crew', { pass: cls, zone: zoneName, ready: readyFree, resting: resting.length });
  }
  const notes = [
    maintenance > 0 ? `${maintenance} in maintenance` : '',
    outOfService > 0 ? `${outOfService} out of service` : '',
    booked > 0 ? `${booked} booked` : '',
  ].filter(Boolean);
  return said(`no ready ${cls} in ${zoneName}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`, 'no-ready-vehicle', { pass: cls, zone: zoneName, maintenance, outOfService, booked });
}
