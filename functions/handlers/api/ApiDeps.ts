import type { CoreDeps } from '../../core/ports/CoreDeps.ts';
import type { DispatchRequests } from '../../core/ports/DispatchRequests.ts';
import type { RegistryAdmin } from '../../core/ports/RegistryAdmin.ts';

/** What the routes give to core: the usual ports, where an activation's wave goes (dispatch) and registry writes. */
export interface ApiDeps extends CoreDeps {
  dispatch: DispatchRequests;
  registryAdmin: RegistryAdmin;
}
