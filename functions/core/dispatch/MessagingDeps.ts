import type { CitizenCases } from '../ports/CitizenCases.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { Messaging } from '../ports/Messaging.ts';
import type { SmsSender } from '../ports/SmsSender.ts';

/**
 * What sending SMS needs. Without `messaging` (older callers, quick scripts), the message record's
 * conditional write is the exactly-once guard, the pace is a conservative default, and dead letters
 * go to the response log.
 */
export type MessagingDeps = Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'smsRecords' | 'inbound' | 'taskingCases' | 'contacts'> & {
  sms: SmsSender;
  messaging?: Messaging;
  /** Citizen cases, where the composition has them: a crew's reply to a case's task moves the case on at once. */
  citizenCases?: CitizenCases;
};
