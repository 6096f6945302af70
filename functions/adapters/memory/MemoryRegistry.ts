import type { ImportKind } from '../../core/ports/RegistryImportStore.ts';
import type { CityPlan } from '../../core/registry/CityPlan.ts';
import type { Depot } from '../../core/registry/Depot.ts';
import type { RegistryRecords } from '../../core/registry/RegistryKind.ts';
import type { Zone } from '../../core/registry/Zone.ts';

/**
 * The registry the in-memory twins share (MemoryRegistryStore reads it, MemoryRegistryImports replaces
 * kinds of it, MemoryRegistryAdmin writes records): one object, so each sees the others' writes at once.
 */
export interface MemoryRegistry {
  plan: CityPlan;
  zones: Zone[];
  depots: Depot[];
  roads: RegistryRecords['roads'][];
  crews: RegistryRecords['crews'][];
  vehicles: RegistryRecords['vehicles'][];
  /** Writes per kind so far: an import read before a write is stale, as the table's revision makes it. */
  revisions?: Partial<Record<ImportKind, number>>;
}

export function revisionOf(registry: MemoryRegistry, kind: ImportKind): number {
  return registry.revisions?.[kind] ?? 0;
}

/** Counts a write of the kind (the table bumps the kind's revision in the same transaction). */
export function noteWrite(registry: MemoryRegistry, kind: ImportKind): void {
  registry.revisions = { ...registry.revisions, [kind]: revisionOf(registry, kind) + 1 };
}
