import type { CityPlan } from '../registry/CityPlan.ts';
import type { Depot } from '../registry/Depot.ts';
import type { RegistryRecords } from '../registry/RegistryKind.ts';
import type { Zone } from '../registry/Zone.ts';

/** The kinds a registry CSV holds. */
export type ImportKind = 'roads' | 'crews' | 'vehicles';

/** Every record of one kind, and the basis a replacement of them is checked against. */
export interface KindSnapshot<K extends ImportKind> {
  records: RegistryRecords[K][];
  /** Opaque: changes whenever the kind is written (an edit, a delete, an import) and, for crews, when the duty officer's phone does. */
  basis: string;
}

/** What a registry import reads and writes. */
export interface RegistryImportStore {
  /** The plan, for the duty officer's phone (no crew may have it). */
  getPlan(): Promise<CityPlan>;
  listZones(): Promise<Zone[]>;
  listDepots(): Promise<Depot[]>;
  readKind<K extends ImportKind>(kind: K): Promise<KindSnapshot<K>>;
  /**
   * Replaces every record of a kind (crews with their phone lookups) by `records`, in one step:
   * readers see the old set or the new one, never a mix, and a failure part-way changes nothing.
   * 'stale', with nothing changed, when the kind was written since `basis` was read.
   */
  replaceKind<K extends ImportKind>(kind: K, records: RegistryRecords[K][], basis: string): Promise<'replaced' | 'stale'>;
}
