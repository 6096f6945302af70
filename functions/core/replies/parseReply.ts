import type { ReplyAction, ReplyIntent } from './ReplyIntent.ts';

const DIGITS: Record<string, ReplyAction> = { '1': 'ack', '2': 'onsite', '3': 'done', '9': 'cannot' };

/** Words leaders actually type, in both languages (after normalising: upper case, no punctuation). */
const WORDS: Record<ReplyAction, readonly string[]> = {
  ack: ['收到', '收到了', '已收到', '确认', '已确认', '好', '好的', '明白', '可以', 'OK', 'OKAY', 'YES', 'Y', 'ACK', 'ROGER'],
  onsite: ['到场', '已到场', '到达', '已到达', '已到', '到了', 'ONSITE', 'ON SITE', 'ARRIVED', 'HERE'],
  done: ['完成', '已完成', '完毕', '干完了', '做完了', 'DONE', 'FINISHED', 'COMPLETE', 'COMPLETED'],
  cannot: ['无法', '无法执行', '不能', '不能去', '去不了', '来不了', '不行', 'CANT', "CAN'T", 'CANNOT', 'UNABLE', 'NO'],
};
const WORD_ACTION = new Map<string, ReplyAction>(Object.entries(WORDS).flatMap(([action, words]) => words.map((w) => [w, action as ReplyAction] as const)));

/** Opt-out keywords carriers and AWS honour, and their Chinese equivalents. */
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'OPT OUT', '退订', 'TD', '取消订阅']);
const HELP = new Set(['HELP', 'INFO', '帮助', '求助', '?', '0']);

/** Full-width digits, letters and punctuation to ASCII (NFKC); upper case; punctuation and runs of space to one space. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[’‘`´]/g, "'")
    .toUpperCase()
    .replace(/[\s.,;:!。，；：！、"“”()（）【】\[\]<>《》~～…\-—_/|*#]+/g, ' ')
    .trim();
}

/** "T7", "T 07", "t007" anywhere (also glued to a digit, as in "1T07"): the code, as the system writes it. */
const TASK_CODE = /(?<![A-Z])T ?(\d{1,4})(?!\d)/;

function actionOf(text: string): ReplyAction | undefined {
  const compact = text.replace(/ /g, '');
  const direct = DIGITS[compact] ?? WORD_ACTION.get(text) ?? WORD_ACTION.get(compact);
  if (direct) return direct;
  // "1 收到", "3完成": a digit with a word that means the same.
  const m = /^([1239]) ?(.+)$/.exec(text) ?? /^(.+?) ?([1239])$/.exec(text);
  if (m) {
    const [digit, word] = /^[1239]$/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const a = DIGITS[digit]!;
    const w = WORD_ACTION.get(word) ?? WORD_ACTION.get(word.replace(/ /g, ''));
    if (w === a) return a;
    // "9 车坏了": a leading digit followed by free text (no other digit) is the digit's meaning.
    if (w === undefined && /^[1239]/.test(text) && !/\d/.test(word)) return a;
  }
  return undefined;
}

/** Reads a leader's reply: a digit or word (zh / en), optionally with a task code such as "T07"; STOP and HELP. */
export function parseReply(raw: string): ReplyIntent {
  const text = normalise(raw);
  if (STOP.has(text)) return { kind: 'stop' };
  if (HELP.has(text)) return { kind: 'help' };
  let taskCode: string | undefined;
  const rest = text.replace(TASK_CODE, (_m, digits: string) => {
    taskCode = `T${String(Number(digits)).padStart(2, '0')}`;
    return ' ';
  }).replace(/ +/g, ' ').trim();
  const action = rest === '' ? undefined : actionOf(rest);
  if (action) return { kind: 'action', action, ...(taskCode ? { taskCode } : {}) };
  return { kind: 'unknown', text: raw.slice(0, 160) };
}
