import { deliver, type Delivery } from '../dispatch/deliver.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import { renderDutyNotice, type DutyNotice } from '../messages/renderDutyNotice.ts';
import type { CityPlan } from '../registry/CityPlan.ts';

/** Texts the duty officer (in the plan's language) exactly once per `key`. */
export function notifyDutyOfficer(
  deps: MessagingDeps,
  args: { plan: CityPlan; activationId: string; key: string; crewId: string; taskIds: string[]; notice: DutyNotice; actor: string },
): Promise<Delivery> {
  const sms = renderDutyNotice(args.plan.defaultLanguage, args.notice, deps.sms.signature);
  return deliver(deps, {
    id: args.key, activationId: args.activationId, crewId: args.crewId, to: args.plan.dutyOfficerPhone,
    body: sms.body, template: sms.template, segments: sms.segments, encoding: sms.encoding, taskIds: args.taskIds, recipient: 'duty-officer',
  }, args.actor);
}
