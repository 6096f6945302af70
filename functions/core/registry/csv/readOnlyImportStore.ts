import type { RegistryImportStore } from '../../ports/RegistryImportStore.ts';

/** The store as an import sees it, with the write skipped: a dry run reads the registry and checks exactly as the real import does. */
export function readOnlyImportStore(store: RegistryImportStore): RegistryImportStore {
  return {
    getPlan: () => store.getPlan(), listZones: () => store.listZones(), listDepots: () => store.listDepots(),
    readKind: (kind) => store.readKind(kind),
    replaceKind: async () => 'replaced',
  };
}
