import type { RegistryImportStore } from '../../ports/RegistryImportStore.ts';

/** The store as an import sees it, with every write skipped: a dry run reads the registry and checks exactly as the real import does. */
export function readOnlyImportStore(store: RegistryImportStore): RegistryImportStore {
  return {
    getPlan: () => store.getPlan(), listZones: () => store.listZones(), listDepots: () => store.listDepots(), listRoads: () => store.listRoads(),
    listCrews: () => store.listCrews(), listVehicles: () => store.listVehicles(),
    put: async () => {}, removePhoneLinks: async () => {},
  };
}
