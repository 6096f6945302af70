import type { MessagingDeps } from '../../../core/dispatch/MessagingDeps.ts';
import { recordDeliveryReceipt } from '../../../core/dispatch/recordDeliveryReceipt.ts';
import { handleReply, type ReplyOutcome } from '../../../core/replies/handleReply.ts';
import { parseReceipts, parseUplink } from './aliyunCallbacks.ts';

export type AliyunCallbackKind = 'uplink' | 'receipts';

/** What Alibaba Cloud expects back from a callback receiver: code 0, or it pushes the batch again. */
export const CALLBACK_ACCEPTED = { code: 0, msg: '接收成功' } as const;

/**
 * One push of Alibaba Cloud's HTTP callbacks: uplink replies go to the same reply handling as SNS two-way SMS
 * (handleReply, idempotent on the uplink's id, so a pushed-again batch changes nothing); receipts are logged.
 */
export async function handleAliyunCallback(deps: MessagingDeps, kind: AliyunCallbackKind, body: unknown): Promise<ReplyOutcome[]> {
  if (kind === 'receipts') {
    for (const receipt of parseReceipts(body)) await recordDeliveryReceipt(deps, receipt);
    return [];
  }
  const outcomes: ReplyOutcome[] = [];
  for (const inbound of parseUplink(body)) outcomes.push(await handleReply(deps, inbound));
  return outcomes;
}
