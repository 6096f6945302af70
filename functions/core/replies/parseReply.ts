import type { ReplyAction, ReplyIntent } from './ReplyIntent.ts';

const DIGITS: Record<string, ReplyAction> = { '1': 'ack', '2': 'onsite', '3': 'done', '9': 'cannot' };
const WORDS: [RegExp, ReplyAction][] = [
  [/^(收到|确认|好的?|OK|YES|Y|ACK)$/, 'ack'],
  [/^(到场|到达|已到|ONSITE|ON SITE|ARRIVED)$/, 'onsite'],
  [/^(完成|已完成|DONE|FINISHED)$/, 'done'],
  [/^(无法|不能|无法执行|不能去|CANT|CAN'T|CANNOT|NO)$/, 'cannot'],
];

/** Full-width digits, letters and punctuation to their ASCII forms; case and spacing folded. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .toUpperCase()
    .replace(/[\s.,;:!?。，；：！？、"“”()（）【】\[\]]+/g, ' ')
    .trim();
}

/** Reads a leader's reply: a digit or word (zh / en), optionally with a task code such as "T07". */
export function parseReply(raw: string): ReplyIntent {
  const text = normalise(raw);
  if (/^(STOP|UNSUBSCRIBE|退订|TD)$/.test(text)) return { kind: 'stop' };
  // normalise() strips question marks as punctuation, so a bare "?" is looked for in the raw text.
  if (/^(HELP|帮助|0)$/.test(text) || /^[?？]+$/.test(raw.trim())) return { kind: 'help' };
  let taskCode: string | undefined;
  const withoutCode = text
    .replace(/\bT\s?(\d{1,4})\b|(?<![A-Z])T(\d{1,4})/, (_m, a?: string, b?: string) => {
      taskCode = `T${(a ?? b)!.padStart(2, '0')}`;
      return ' ';
    })
    .trim();
  const word = withoutCode.replace(/\s+/g, ' ');
  const digit = DIGITS[word] ?? DIGITS[word.replace(/\s/g, '')];
  if (digit) return { kind: 'action', action: digit, ...(taskCode ? { taskCode } : {}) };
  for (const [pattern, action] of WORDS) {
    if (pattern.test(word)) return { kind: 'action', action, ...(taskCode ? { taskCode } : {}) };
  }
  return { kind: 'unknown', text: raw.slice(0, 160) };
}
