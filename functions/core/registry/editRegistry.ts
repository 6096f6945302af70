import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { RegistryAdmin } from '../ports/RegistryAdmin.ts';
import type { CityPlan } from './CityPlan.ts';
import type { Crew } from './Crew.ts';
import { deleteRoad } from './deleteRoad.ts';
import { REGISTRY_NOUN, type RegistryKind, type RegistryRecords } from './RegistryKind.ts';

type Deps = Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'bookings' | 'activations' | 'tasks' | 'roadRetirements' | 'ids'> & { registryAdmin: RegistryAdmin };

/** Registry edits go to their own log stream, apart from any activation. */
export const REGISTRY_LOG = 'registry';

/** Creates or replaces a registry record after checking what it refers to; logs who changed what. */
export async function saveRegistryRecord<K extends RegistryKind>(deps: Deps, kind: K, record: RegistryRecords[K], actor: string): Promise<{ record: RegistryRecords[K]; created: boolean }> {
  if (kind !== 'zones') {
    const zoneId = (record as { zoneId: string }).zoneId;
    if (!(await deps.registryAdmin.getRecord('zones', zoneId))) throw new RuleViolationError(`zone "${zoneId}" is not in the registry; create the zone first`, 'zoneId');
  }
  if (kind === 'crews') {
    const crew = record as Crew;
    if (crew.leader.phone === crew.backup.phone) throw new RuleViolationError('the backup must have a different phone from the leader, or escalation reaches the same person', 'backup.phone');
    const { dutyOfficerPhone } = await deps.registry.getPlan();
    const role = crew.leader.phone === dutyOfficerPhone ? 'leader' : crew.backup.phone === dutyOfficerPhone ? 'backup' : undefined;
    if (role) throw new ConflictError(`the ${role}'s phone of crew ${crew.id} is the duty officer's; escalations to the duty officer would reach the crew itself`, { id: crew.id, field: `${role}.phone` });
  }
  const previous = await deps.registryAdmin.getRecord(kind, record.id);
  if ((await deps.registryAdmin.saveRecord(kind, record)) === 'phone-in-use') {
    throw new ConflictError(`a phone of ${REGISTRY_NOUN[kind]} ${record.id} already belongs to another crew's leader or backup; one phone answers for one crew`, { id: record.id });
  }
  // A road deleted lately and created again takes bookings again at once.
  if (kind === 'roads') await deps.roadRetirements.clearRetired(record.id);
  await deps.log.append({ activationId: REGISTRY_LOG, at: deps.clock.now().toISOString(), actor, action: previous ? 'registry.replaced' : 'registry.created', subject: `${REGISTRY_NOUN[kind]}:${record.id}`, details: { kind } });
  return { record, created: !previous };
}

/** Deletes a registry record unless something still depends on it (roads of a zone, a crew on a task). */
export async function deleteRegistryRecord(deps: Deps, kind: RegistryKind, id: string, actor: string): Promise<void> {
  const record = await deps.registryAdmin.getRecord(kind, id);
  if (!record) throw new NotFoundError(REGISTRY_NOUN[kind], id);
  if (kind === 'zones') {
    const [roads, crews, vehicles] = await Promise.all([deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles()]);
    const users = [...roads, ...crews, ...vehicles].filter((r) => r.zoneId === id).length;
    if (users > 0) throw new ConflictError(`zone ${id} still has ${users} roads, crews or vehicles; move or delete them first`, { id, dependents: users });
  }
  if (kind === 'crews' || kind === 'vehicles') {
    const busy = await deps.bookings.listBusy();
    if ((kind === 'crews' ? busy.crewIds : busy.vehicleIds).has(id)) throw new ConflictError(`${REGISTRY_NOUN[kind]} ${id} is on open tasks; reassign them or stand down first`, { id });
  }
  const remove = () => deps.registryAdmin.deleteRecord(kind, record);
  await (kind === 'roads' ? deleteRoad(deps, id, remove) : remove());
  await deps.log.append({ activationId: REGISTRY_LOG, at: deps.clock.now().toISOString(), actor, action: 'registry.deleted', subject: `${REGISTRY_NOUN[kind]}:${id}`, details: { kind } });
}

/** Replaces the city plan (thresholds, tiers per level, targets); logged. */
export async function saveCityPlan(deps: Deps, plan: CityPlan, actor: string): Promise<CityPlan> {
  if ((await deps.registryAdmin.savePlan(plan)) === 'phone-in-use') {
    throw new ConflictError('the duty officer\'s phone is a crew leader\'s or backup\'s; escalations to the duty officer would reach the crew itself', { field: 'dutyOfficerPhone' });
  }
  await deps.log.append({ activationId: REGISTRY_LOG, at: deps.clock.now().toISOString(), actor, action: 'registry.plan-replaced', subject: `plan:${plan.id}`, details: { activationPolicy: plan.activationPolicy } });
  return plan;
}
