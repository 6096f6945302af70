import type { CityPlan } from '../registry/CityPlan.ts';
import type { RegistryKind, RegistryRecords } from '../registry/RegistryKind.ts';

/** Writes to the registry (administrators only). Reads for planning stay on RegistryStore. */
export interface RegistryAdmin {
  getRecord<K extends RegistryKind>(kind: K, id: string): Promise<RegistryRecords[K] | undefined>;
  /**
   * Creates or replaces a record by id. For crews, keeps the phone lookup in step; 'phone-in-use'
   * when a leader or backup phone already belongs to another crew or is the duty officer's, checked in
   * the same write (nothing is written then), so two racing saves cannot both take one phone.
   */
  saveRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<'saved' | 'phone-in-use'>;
  deleteRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<void>;
  /** Replaces the plan; 'phone-in-use' (nothing written) when its duty officer's phone is a crew's, checked in the same write. */
  savePlan(plan: CityPlan): Promise<'saved' | 'phone-in-use'>;
}
