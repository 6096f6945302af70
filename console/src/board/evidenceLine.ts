import type { Evidence } from '../api/types.ts';
import { dayTime } from '../ui/format.ts';
import { lang } from '../ui/i18n.ts';

const n1 = (v: number) => v.toFixed(1);

/**
 * One piece of evidence as a sentence in the console's language, built from its numbers (the API's `text`
 * is English): the rule, the measured value against the plan's threshold, the level, the hours in the
 * city's zone, the provider.
 */
export function evidenceLine(e: Evidence, timeZone: string): string {
  const zh = lang.get() !== 'en';
  const when = `${dayTime(e.from, timeZone)}–${dayTime(e.to, timeZone)}`;
  const gaps = e.gapHours > 0 ? (zh ? `（${e.gapHours} 小时缺测）` : ` (${e.gapHours} h missing)`) : '';
  const blizzard = /^blizzard-(\d+)h$/.exec(e.rule);
  if (blizzard) {
    return zh
      ? `暴雪：${e.windowHours} 小时雪水当量 ${n1(e.value)} 毫米 ≥ ${e.threshold} 毫米 → ${e.level} · ${when}${gaps} · ${e.provider}`
      : `blizzard: ${n1(e.value)} mm snow water in ${e.windowHours} h ≥ ${e.threshold} mm → ${e.level} · ${when}${gaps} · ${e.provider}`;
  }
  if (/^road-icing-/.test(e.rule)) {
    const ice = e.unit.startsWith('mm ice');
    return zh
      ? `道路结冰：${e.windowHours} 小时内${ice ? '积冰' : '低温降水'} ${n1(e.value)} 毫米 ≥ ${e.threshold} 毫米 → ${e.level} · ${when} · ${e.provider}`
      : `road icing: ${n1(e.value)} ${e.unit} within ${e.windowHours} h ≥ ${e.threshold} mm → ${e.level} · ${when} · ${e.provider}`;
  }
  const warning = /^warning:([^:]*):(.*)$/.exec(e.rule);
  if (warning) return zh ? `官方预警：${warning[2]}（${warning[1]}）→ ${e.level} · ${when}` : `official warning: ${warning[2]} (${warning[1]}) → ${e.level} · ${when}`;
  return `${e.rule} ${n1(e.value)} ${e.unit} / ${e.windowHours} h ≥ ${e.threshold} → ${e.level} · ${when} · ${e.provider}`;
}
