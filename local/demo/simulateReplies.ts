import type { OutboxRecord } from '../../functions/adapters/sms/OutboxSmsSender.ts';

export interface ScriptedReply {
  afterMinutes: number;
  from: string;
  body: string;
}

/**
 * How the demo's crew leaders answer, decided from their position in the send order so every run
 * is the same: most acknowledge, some report on site and done, one says he cannot go, one types
 * something the parser does not know, one never answers (phone off at 3 a.m.), and a stranger texts in.
 */
export function scriptReplies(sent: readonly OutboxRecord[]): ScriptedReply[] {
  const replies: ScriptedReply[] = [];
  sent.forEach((sms, i) => {
    switch (i % 6) {
      case 0: replies.push({ afterMinutes: 5, from: sms.to, body: '1' }, { afterMinutes: 50, from: sms.to, body: '２' }, { afterMinutes: 170, from: sms.to, body: '完成' }); break;
      case 1: replies.push({ afterMinutes: 8, from: sms.to, body: '收到' }); break;
      case 2: replies.push({ afterMinutes: 12, from: sms.to, body: ' 1 ' }, { afterMinutes: 140, from: sms.to, body: '3' }); break;
      case 3: replies.push({ afterMinutes: 20, from: sms.to, body: '车坏了怎么办' }); break;
      case 4: break; // never answers
      case 5: replies.push({ afterMinutes: 15, from: sms.to, body: '9' }); break;
    }
  });
  replies.push({ afterMinutes: 30, from: '+8613700000000', body: '1' });
  return replies.sort((a, b) => a.afterMinutes - b.afterMinutes);
}
