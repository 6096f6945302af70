import type { Role } from './Principal.ts';

/** Everyone with a snowops group may read status, forecasts, tasks, logs and reports. */
export const READERS: readonly Role[] = ['duty-officer', 'manager', 'admin'];
/** Only duty officers activate, change levels and stand down. */
export const OFFICERS: readonly Role[] = ['duty-officer'];
/** Duty officers and managers may preview what an activation would dispatch (it writes nothing). */
export const PREVIEWERS: readonly Role[] = ['duty-officer', 'manager'];
/** Only administrators edit the registry. */
export const ADMINS: readonly Role[] = ['admin'];
