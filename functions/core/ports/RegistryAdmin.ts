import type { CityPlan } from '../registry/CityPlan.ts';
import type { RegistryKind, RegistryRecords } from '../registry/RegistryKind.ts';

/** Writes to the registry (administrators only). Reads for planning stay on RegistryStore. */
export interface RegistryAdmin {
  getRecord<K extends RegistryKind>(kind: K, id: string): Promise<RegistryRecords[K] | undefined>;
  /**
   * Creates or replaces a record by id. For crews, keeps the phone lookup in step; 'phone-in-use'
   * when a leader or backup phone already belongs to another crew (nothing is written then).
   */
  saveRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K], previous?: RegistryRecords[K]): Promise<'saved' | 'phone-in-use'>;
  deleteRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<void>;
  savePlan(plan: CityPlan): Promise<void>;
}
