import type { CoreDeps } from '../../core/ports/CoreDeps.ts';
import type { RegistryAdmin } from '../../core/ports/RegistryAdmin.ts';
import type { RegistryImportStore } from '../../core/ports/RegistryImportStore.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';

/** What the routes give to core: the usual ports, the SMS sender (activation dispatches) and registry writes (one by one, and CSV imports). */
export interface ApiDeps extends CoreDeps {
  sms: SmsSender;
  registryAdmin: RegistryAdmin;
  registryImport: RegistryImportStore;
}
