import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { localStamp } from './localStamp.ts';

type Language = 'zh-CN' | 'en';

const levelName = (level: ResponseLevel, lang: Language) => (lang === 'zh-CN' ? (level === 'none' ? '无' : `${level}级`) : level === 'none' ? 'none' : `level ${level}`);

function why(e: Evidence | undefined): string {
  if (!e) return '';
  if (e.unit === 'official warning') return e.rule.replace(/^warning:[^:]+:/, '');
  return `${e.rule} ${e.value}${e.unit.startsWith('mm') ? 'mm' : ` ${e.unit}`}`;
}

/** Short SMS texts to the duty officer (never to crews): watch, stale, and the proposals the poller may only propose. */
export const officerNotices = {
  watch(lang: Language, zones: string[], level: ResponseLevel, startsAt: string, tz: string, e?: Evidence): string {
    return lang === 'zh-CN'
      ? `snowops预警关注: ${zones.join('、')} 预计${localStamp(startsAt, tz)}起达${levelName(level, lang)}(${why(e)})。建议提前对一级道路、桥梁、坡道撒布融雪剂。`
      : `snowops WATCH: ${zones.join(', ')} expect ${levelName(level, lang)} from ${localStamp(startsAt, tz)} (${why(e)}). Pre-treat tier-1 roads, bridges, slopes.`;
  },
  stale(lang: Language, zones: string[], since: string, tz: string, held: ResponseLevel): string {
    return lang === 'zh-CN'
      ? `snowops告警: ${zones.join('、')} 自${localStamp(since, tz)}起所有天气数据源失败,预报已过期,响应级别保持${levelName(held, lang)}。请人工核实天气。`
      : `snowops ALARM: forecast stale for ${zones.join(', ')}: every provider failing since ${localStamp(since, tz)}. Level held at ${levelName(held, lang)}. Check the weather by hand.`;
  },
  proposeActivation(lang: Language, level: ResponseLevel, e?: Evidence): string {
    return lang === 'zh-CN'
      ? `snowops: 建议启动${levelName(level, lang)}响应(${why(e)})。请值班员确认。`
      : `snowops: level ${level} proposed (${why(e)}). Duty officer to confirm.`;
  },
  proposeUpgrade(lang: Language, from: ResponseLevel, to: ResponseLevel, e?: Evidence): string {
    return lang === 'zh-CN'
      ? `snowops: 建议响应由${levelName(from, lang)}升至${levelName(to, lang)}(${why(e)})。请值班员确认。`
      : `snowops: raise from ${levelName(from, lang)} to ${levelName(to, lang)} proposed (${why(e)}). Duty officer to confirm.`;
  },
  proposeDowngrade(lang: Language, from: ResponseLevel, to: ResponseLevel, polls: number, openTasks: number): string {
    if (to === 'none') {
      return lang === 'zh-CN'
        ? `snowops: 预报已连续${polls}次低于启动标准,建议会商后结束响应(尚有${openTasks}项任务未完成)。`
        : `snowops: forecast below every threshold for ${polls} polls: stand-down proposed after consulting forecasters (${openTasks} tasks still open).`;
    }
    return lang === 'zh-CN'
      ? `snowops: 预报已连续${polls}次低于${levelName(from, lang)},建议降为${levelName(to, lang)}(尚有${openTasks}项任务未完成)。`
      : `snowops: forecast below ${levelName(from, lang)} for ${polls} polls: lower to ${levelName(to, lang)} proposed (${openTasks} tasks still open).`;
  },
};
