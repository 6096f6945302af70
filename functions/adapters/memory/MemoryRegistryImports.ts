import type { ImportKind, KindSnapshot, RegistryImportStore } from '../../core/ports/RegistryImportStore.ts';
import type { CityPlan } from '../../core/registry/CityPlan.ts';
import type { Depot } from '../../core/registry/Depot.ts';
import type { RegistryRecords } from '../../core/registry/RegistryKind.ts';
import type { Zone } from '../../core/registry/Zone.ts';
import { noteWrite, revisionOf, type MemoryRegistry } from './MemoryRegistry.ts';

/** The in-memory twin of DynamoRegistryStore as an import sees it, held to the same contract suite. */
export class MemoryRegistryImports implements RegistryImportStore {
  constructor(private readonly registry: MemoryRegistry) {}

  async getPlan(): Promise<CityPlan> { return structuredClone(this.registry.plan); }
  async listZones(): Promise<Zone[]> { return structuredClone(this.registry.zones); }
  async listDepots(): Promise<Depot[]> { return structuredClone(this.registry.depots); }

  async readKind<K extends ImportKind>(kind: K): Promise<KindSnapshot<K>> {
    return { records: structuredClone(this.registry[kind]) as RegistryRecords[K][], basis: this.basis(kind) };
  }

  async replaceKind<K extends ImportKind>(kind: K, records: RegistryRecords[K][], basis: string): Promise<'replaced' | 'stale'> {
    if (basis !== this.basis(kind)) return 'stale';
    (this.registry[kind] as RegistryRecords[K][]) = structuredClone(records);
    noteWrite(this.registry, kind);
    return 'replaced';
  }

  /** The plan replaced (as an administrator's save does): crews checked against the old officer's phone are stale. */
  savePlan(plan: CityPlan): void {
    this.registry.plan = structuredClone(plan);
  }

  private basis(kind: ImportKind): string {
    return JSON.stringify({ revision: revisionOf(this.registry, kind), officer: kind === 'crews' ? this.registry.plan.dutyOfficerPhone : undefined });
  }
}
