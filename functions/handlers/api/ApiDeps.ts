import type { ReporterTexting } from '../../core/citizen/ReporterTexting.ts';
import type { BannedPhones } from '../../core/ports/BannedPhones.ts';
import type { CitizenCases } from '../../core/ports/CitizenCases.ts';
import type { CoreDeps } from '../../core/ports/CoreDeps.ts';
import type { PhoneVerifications } from '../../core/ports/PhoneVerifications.ts';
import type { RateQuotas } from '../../core/ports/RateQuotas.ts';
import type { PhotoStore } from '../../core/ports/PhotoStore.ts';
import type { SecretGenerator } from '../../core/ports/SecretGenerator.ts';
import type { DispatchRequests } from '../../core/ports/DispatchRequests.ts';
import type { PlanningRequests } from '../../core/ports/PlanningRequests.ts';
import type { RegistryAdmin } from '../../core/ports/RegistryAdmin.ts';
import type { RegistryImportStore } from '../../core/ports/RegistryImportStore.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';

/**
 * What the routes give to core: the usual ports, where an officer's activation or upgrade has its wave
 * planned (planning, off the request), where waves go to be sent (dispatch), the SMS sender (a reassignment tells the two leaders at once) and registry writes
 * (one by one, and CSV imports).
 */
export interface ApiDeps extends CoreDeps {
  dispatch: DispatchRequests;
  planning: PlanningRequests;
  sms: SmsSender;
  registryAdmin: RegistryAdmin;
  registryImport: RegistryImportStore;
  citizen: CitizenPorts;
}

/** The citizen loop's ports: cases, phone codes and passes, rate counters, secrets, and texting reporters. */
export interface CitizenPorts extends ReporterTexting {
  cases: CitizenCases;
  /** Reporters' numbers an officer banned: their reports are kept and never dispatched. */
  bans: BannedPhones;
  verifications: PhoneVerifications;
  quotas: RateQuotas;
  secrets: SecretGenerator;
  /** Where reporters' photos go; absent where none is configured (photo uploads answer 501). */
  photos?: PhotoStore;
}
