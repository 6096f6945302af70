import type { Role } from './Principal.ts';

/** Everyone with a snowops group may read status, forecasts, tasks, logs and reports. */
export const READERS: readonly Role[] = ['duty-officer', 'manager', 'admin'];
/** Only duty officers activate, change levels and stand down. */
export const OFFICERS: readonly Role[] = ['duty-officer'];
/** Only administrators edit the registry. */
export const ADMINS: readonly Role[] = ['admin'];
