import { NotFoundError } from '../errors/NotFoundError.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import { renderSms } from '../messages/catalogue/renderSms.ts';
import type { SmsMessageState } from '../operations/SmsMessage.ts';
import { deliver } from './deliver.ts';
import type { MessagingDeps } from './MessagingDeps.ts';

export interface OfficerMessage {
  crewId: string;
  to: 'leader' | 'backup';
  text: string;
  actor: string;
  /** The caller's key for this one message: the record is keyed on it, so a retry never sends a second SMS. */
  key: string;
}

export interface OfficerMessageResult {
  messageId: string;
  state: SmsMessageState;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  to: string;
}

/**
 * A duty officer's own words to a crew leader (or backup), sent exactly once: the message record is
 * claimed under the officer's key before the send, and the text goes into the response log with the
 * crew, so the needs-attention queue sees the crew answered.
 */
export async function sendOfficerMessage(deps: MessagingDeps, message: OfficerMessage): Promise<OfficerMessageResult> {
  const crew = (await deps.registry.listCrews()).find((c) => c.id === message.crewId);
  if (!crew) throw new NotFoundError('crew', message.crewId);
  const open = await deps.activations.getOpenActivation();
  const activationId = open?.id ?? 'system';
  const person = message.to === 'leader' ? crew.leader : crew.backup;
  const phone = person.phone;
  // From the catalogue like every SMS, so that a template-only provider can send it and the signature is counted.
  const seg = renderSms('officer.message', person.language, { text: message.text }, deps.sms.signature);
  const id = `officer#${message.actor}#${message.key}`;
  const { message: sent } = await deliver(deps, { id, activationId, crewId: crew.id, to: phone, body: seg.body, template: seg.template, segments: seg.segments, encoding: seg.encoding, taskIds: [], recipient: message.to }, message.actor);
  await deps.log.append({
    activationId, at: deps.clock.now().toISOString(), actor: message.actor, action: 'officer.message', subject: `crew:${crew.id}`,
    details: { text: message.text, to: maskPhone(phone), recipient: message.to, segments: seg.segments, encoding: seg.encoding, state: sent.state, messageId: id },
  });
  return { messageId: id, state: sent.state, segments: seg.segments, encoding: seg.encoding, to: maskPhone(phone) };
}
