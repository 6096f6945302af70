import type { Messaging } from '../ports/Messaging.ts';
import type { SmsSender } from '../ports/SmsSender.ts';

/** What texting reporters needs: the same sender and exactly-once guard as every SMS, and where status pages live. */
export interface ReporterTexting {
  sms: SmsSender;
  messaging: Messaging;
  /** The reporter's status page for a case, e.g. https://city.example/report/status.html?case=<id>#<key>; undefined where no page is deployed. */
  statusLink(caseId: string, statusKey: string): string | undefined;
}
