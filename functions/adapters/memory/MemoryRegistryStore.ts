import { createHash } from 'node:crypto';
import type { RegistryStore } from '../../core/ports/RegistryStore.ts';
import { cityPlanSchema, type CityPlan } from '../../core/registry/CityPlan.ts';
import type { Crew } from '../../core/registry/Crew.ts';
import type { Depot } from '../../core/registry/Depot.ts';
import type { Road } from '../../core/registry/Road.ts';
import type { Vehicle } from '../../core/registry/Vehicle.ts';
import type { Zone } from '../../core/registry/Zone.ts';
import type { MemoryRegistry } from './MemoryRegistry.ts';

/**
 * The in-memory twin of DynamoRegistryStore's reads, held to the same contract suite. It reads the same
 * MemoryRegistry that MemoryRegistryImports replaces kinds of, so an import is seen whole by the next read.
 */
export class MemoryRegistryStore implements RegistryStore {
  constructor(private readonly registry: MemoryRegistry) {}

  async getPlan(): Promise<CityPlan> { return cityPlanSchema.parse(structuredClone(this.registry.plan)); }
  async listZones(): Promise<Zone[]> { return structuredClone(this.registry.zones); }
  async listDepots(): Promise<Depot[]> { return structuredClone(this.registry.depots); }
  async listRoads(): Promise<Road[]> { return structuredClone(this.registry.roads); }
  /** The roads' content hash: the same roads read the same, any change reads another. */
  async roadsRevision(): Promise<string> { return createHash('sha256').update(JSON.stringify(this.registry.roads)).digest('base64url'); }
  async listCrews(): Promise<Crew[]> { return structuredClone(this.registry.crews); }
  async listVehicles(): Promise<Vehicle[]> { return structuredClone(this.registry.vehicles); }

  async findCrewByPhone(phone: string): Promise<{ crew: Crew; role: 'leader' | 'backup' } | undefined> {
    for (const crew of this.registry.crews) {
      if (crew.leader.phone === phone) return { crew: structuredClone(crew), role: 'leader' };
      if (crew.backup.phone === phone) return { crew: structuredClone(crew), role: 'backup' };
    }
    return undefined;
  }
}
