import { fill } from '../messages/fill.ts';
import { SMS_TEMPLATES } from '../messages/templates.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import { nextState } from './nextState.ts';
import { parseReply } from './parseReply.ts';

export interface InboundSms {
  inboundMessageId: string;
  from: string;
  body: string;
}

export type ReplyOutcome = 'duplicate' | 'unknown-sender' | 'applied' | 'not-applicable' | 'help' | 'stop' | 'unknown-reply';

/** Applies a crew leader's SMS reply to their own open tasks and answers briefly; unknown senders are logged and ignored. */
export async function handleReply(deps: CoreDeps & { sms: SmsSender }, inbound: InboundSms): Promise<ReplyOutcome> {
  const at = deps.clock.now().toISOString();
  if (!(await deps.ops.claimInbound(inbound.inboundMessageId, at))) return 'duplicate';
  const actor = maskPhone(inbound.from);
  const found = await deps.registry.findCrewByPhone(inbound.from);
  if (!found) {
    await deps.log.append({ activationId: 'system', at, actor, action: 'reply.unknown-sender', details: { inboundMessageId: inbound.inboundMessageId, length: inbound.body.length }, reason: 'sender is not a leader or backup in the registry' });
    return 'unknown-sender';
  }
  const { crew } = found;
  const t = SMS_TEMPLATES[found.role === 'leader' ? crew.leader.language : crew.backup.language];
  const answer = (body: string) => deps.sms.send({ to: inbound.from, body, idempotencyKey: `reply#${inbound.inboundMessageId}` });
  const intent = parseReply(inbound.body);
  const open = await deps.ops.listOpenTasksForCrew(crew.id);
  const activationId = open[0]?.activationId ?? 'system';
  if (intent.kind === 'help' || intent.kind === 'unknown') {
    await deps.log.append({ activationId, at, actor, action: intent.kind === 'help' ? 'reply.help' : 'reply.unknown', subject: `crew:${crew.id}`, details: { body: inbound.body.slice(0, 160) } });
    await answer(t.help);
    return intent.kind === 'help' ? 'help' : 'unknown-reply';
  }
  if (intent.kind === 'stop') {
    await deps.log.append({ activationId, at, actor, action: 'reply.stop', subject: `crew:${crew.id}`, details: {}, reason: 'leader opted out of SMS; duty officer must call' });
    await answer(t.reply.stop);
    return 'stop';
  }
  const latestWave = Math.max(0, ...open.map((task) => task.wave));
  const targets = intent.taskCode
    ? open.filter((task) => task.code === intent.taskCode)
    : open.filter((task) => task.wave === latestWave);
  const changed: string[] = [];
  for (const task of targets) {
    const to = nextState(task.state, intent.action);
    if (to && (await deps.ops.transitionTask(task, task.state, to, at))) changed.push(task.code);
  }
  await deps.log.append({ activationId, at, actor, action: `reply.${intent.action}`, subject: `crew:${crew.id}`, details: { tasks: changed, requestedCode: intent.taskCode ?? null, body: inbound.body.slice(0, 160) } });
  if (changed.length === 0) {
    await answer(t.reply.none);
    return 'not-applicable';
  }
  const word = { ack: t.reply.ack, onsite: t.reply.onsite, done: t.reply.done, cannot: t.reply.cannot }[intent.action];
  await answer(`${word} ${changed.join(',')}${changed.length > 1 ? fill(t.reply.several, { n: changed.length }) : ''}`);
  return 'applied';
}
