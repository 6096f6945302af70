import { clock } from '../ui/format.ts';
import { lang } from '../ui/i18n.ts';

const STEP_ZH: Record<string, string> = { leader: '班组长', backup: '备用联系人', 'duty-officer': '值班员' };

// The API words each item's detail in English (functions/core/attention/needsAttention.ts); these are
// its shapes, said in Chinese. A shape not listed here is shown as the API wrote it.
const ZH: [RegExp, (m: RegExpMatchArray, timeZone: string) => string][] = [
  [/^(.+) \(tier (\S+), (\S+)\): no free crew and vehicle$/, (m) => `${m[1]}（${m[2]} 级道路，${m[3]}）：没有空闲的班组和车辆`],
  [/^(.+) \(tier (\S+), (\S+)\): the crew replied it cannot$/, (m) => `${m[1]}（${m[2]} 级道路，${m[3]}）：班组回复无法执行`],
  [/^(.+) replied something the parser could not read; a help SMS went back$/, (m) => `${m[1]} 的回复无法识别，已回复帮助短信`],
  [/^(.+) replied something the parser could not read$/, (m) => `${m[1]} 的回复无法识别`],
  [/^no confirmation after (\d+) SMS; now at step (.+)$/, (m) => `发出 ${m[1]} 条短信后仍未确认，现由${STEP_ZH[m[2]!] ?? m[2]}处理`],
  [/^(.+): no good forecast since (\S+) \((.+)\)$/, (m, tz) => `${m[1]}：自 ${since(m[2]!, tz)} 起没有有效预报（${m[3] === 'no error recorded' ? '无错误记录' : m[3]}）`],
];

function since(iso: string, timeZone: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : clock(iso, timeZone, true);
}

/** An attention item's detail in the console's language, its times in the city's zone. */
export function attentionDetail(detail: string, timeZone: string): string {
  if (lang.get() === 'en') return detail.replace(/no good forecast since (\S+)/, (_, iso: string) => `no good forecast since ${since(iso, timeZone)}`);
  for (const [shape, say] of ZH) {
    const m = detail.match(shape);
    if (m) return say(m, timeZone);
  }
  return detail;
}
