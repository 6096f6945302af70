import type { RegistryAdmin } from '../../core/ports/RegistryAdmin.ts';
import type { CityPlan } from '../../core/registry/CityPlan.ts';
import type { Crew } from '../../core/registry/Crew.ts';
import type { RegistryKind, RegistryRecords } from '../../core/registry/RegistryKind.ts';
import { noteWrite, type MemoryRegistry } from './MemoryRegistry.ts';

/**
 * The in-memory twin of DynamoRegistryStore's administrator writes, held to the same contract suite:
 * a phone answers for one crew and is never the duty officer's, checked before anything is written
 * (the table checks it in the write's own transaction); every write of roads, crews or vehicles counts
 * as a write of the kind, so an import read before it is stale.
 */
export class MemoryRegistryAdmin implements RegistryAdmin {
  constructor(private readonly registry: MemoryRegistry) {}

  async getRecord<K extends RegistryKind>(kind: K, id: string): Promise<RegistryRecords[K] | undefined> {
    const found = this.records(kind).find((r) => r.id === id);
    return found ? structuredClone(found) : undefined;
  }

  async saveRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<'saved' | 'phone-in-use'> {
    if (kind === 'crews' && this.phoneTaken(record as Crew)) return 'phone-in-use';
    const records = this.records(kind);
    const at = records.findIndex((r) => r.id === record.id);
    if (at >= 0) records[at] = structuredClone(record);
    else records.push(structuredClone(record));
    if (kind !== 'zones') noteWrite(this.registry, kind);
    return 'saved';
  }

  async deleteRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<void> {
    const records = this.records(kind);
    const at = records.findIndex((r) => r.id === record.id);
    if (at >= 0) records.splice(at, 1);
    if (kind !== 'zones') noteWrite(this.registry, kind);
  }

  async savePlan(plan: CityPlan): Promise<'saved' | 'phone-in-use'> {
    if (this.registry.crews.some((c) => c.leader.phone === plan.dutyOfficerPhone || c.backup.phone === plan.dutyOfficerPhone)) return 'phone-in-use';
    this.registry.plan = structuredClone(plan);
    return 'saved';
  }

  /** Another crew's phone, or the duty officer's. */
  private phoneTaken(crew: Crew): boolean {
    const phones = [crew.leader.phone, crew.backup.phone];
    if (phones.includes(this.registry.plan.dutyOfficerPhone)) return true;
    return this.registry.crews.some((other) => other.id !== crew.id && (phones.includes(other.leader.phone) || phones.includes(other.backup.phone)));
  }

  private records<K extends RegistryKind>(kind: K): RegistryRecords[K][] {
    return this.registry[kind] as RegistryRecords[K][];
  }
}
