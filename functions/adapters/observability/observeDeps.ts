import type { CoreDeps } from '../../core/ports/CoreDeps.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';
import { observeBookings, observeTasks } from './observeTasks.ts';
import { observeResponseLog } from './observeResponseLog.ts';
import { observeSmsSender } from './observeSmsSender.ts';
import type { Telemetry } from './Telemetry.ts';

/** The same ports, reporting to a handler's telemetry what core does through them (the SMS sender too, where there is one). */
export function observeDeps<D extends CoreDeps & { sms?: SmsSender }>(deps: D, telemetry: Telemetry): D {
  return {
    ...deps,
    bookings: observeBookings(deps.bookings, telemetry),
    tasks: observeTasks(deps.tasks, telemetry),
    log: observeResponseLog(deps.log, telemetry),
    ...(deps.sms ? { sms: observeSmsSender(deps.sms, telemetry) } : {}),
  };
}
