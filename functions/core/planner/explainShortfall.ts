import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';
import type { Zone } from '../registry/Zone.ts';

/** Says why a road pass got no team, e.g. "no ready spreader in 山阳区; 2 in maintenance". */
export function explainShortfall(road: Road, pass: EquipmentClass, vehicles: readonly Vehicle[], zones: readonly Zone[], hadTeam: boolean): string {
  const zoneName = zones.find((z) => z.id === road.zoneId)?.name ?? road.zoneId;
  if (hadTeam) return `every ${pass} team's shift is full before this road in ${zoneName}`;
  if (pass === 'spreader' && !road.agentAllowed) {
    const nonChloride = vehicles.filter((v) => v.class === 'spreader' && !v.chlorideAgent && v.status === 'ready');
    if (nonChloride.length === 0) return `road in ${zoneName} is agent-free and no ready chloride-free spreader exists`;
  }
  const ofClass = vehicles.filter((v) => v.class === pass && v.zoneId === road.zoneId);
  const down = ofClass.filter((v) => v.status === 'maintenance' || v.status === 'out-of-service').length;
  const note = down > 0 ? `; ${down} in maintenance or out of service` : '';
  return `no ready ${pass} with a certified free crew in ${zoneName}${note}`;
}
