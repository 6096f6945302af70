import { sendOnce } from '../dispatch/sendOnce.ts';
import type { SendOutcome } from '../dispatch/SendOutcome.ts';
import { smsSegments } from '../messages/smsSegments.ts';
import type { ResponseLog } from '../ports/ResponseLog.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { ReporterTexting } from './ReporterTexting.ts';

/**
 * Texts the reporter of a case once per `purpose` (the key is the case and the purpose, so a retried
 * request or a second click sends nothing more), and logs how it went, by case, without the phone.
 */
export async function textReporter(deps: ReporterTexting & { log: ResponseLog }, c: CitizenCase, purpose: string, body: string, at: string): Promise<SendOutcome> {
  const outcome = await sendOnce(deps.sms, deps.messaging, { key: `citizen#${c.id}#${purpose}`, to: c.reporterPhone, body, parts: smsSegments(body).segments });
  const action = outcome.status === 'sent' ? 'sms-sent' : outcome.status === 'in-doubt' ? 'sms-in-doubt' : 'sms-failed';
  if (!(outcome.status === 'sent' && outcome.replayed)) {
    await deps.log.append(caseLogEntry(c, action, 'system', at, { purpose, ...(outcome.status === 'sent' ? {} : { why: outcome.reason }) }));
  }
  return outcome;
}
