import type { Language } from '../../registry/Language.ts';

/**
 * The poller's SMS to the duty officer (never to crews): a watch, a stale forecast, and the changes of
 * level it may only propose. {level} {from} {to} {held} are level names ("II级", "level II").
 */
export const OFFICER_TEMPLATES: Record<Language, {
  /** {zones} {startsAt} {level} {why}. */
  watch: string;
  /** {zones} {since} {held}. */
  stale: string;
  /** {level} {why}. */
  proposeActivation: string;
  /** {from} {to} {why}. */
  proposeUpgrade: string;
  /** {from} {to} {polls} {open}. */
  proposeDowngrade: string;
  /** {polls} {open}. */
  proposeStandDown: string;
  /** A pre-treatment's watch passed without snow: {open}. */
  proposeStandDownNoSnow: string;
  /** A duty officer's own words to a crew, sent from the console: {text}. */
  message: string;
  none: string;
  zoneSeparator: string;
}> = {
  'zh-CN': {
    watch: 'snowops预警关注: {zones} 预计{startsAt}起达{level}({why})。建议提前对一级道路、桥梁、坡道撒布融雪剂。',
    stale: 'snowops告警: {zones} 自{since}起所有天气数据源失败,预报已过期,响应级别保持{held}。请人工核实天气。',
    proposeActivation: 'snowops: 建议启动{level}响应({why})。请值班员确认。',
    proposeUpgrade: 'snowops: 建议响应由{from}升至{to}({why})。请值班员确认。',
    proposeDowngrade: 'snowops: 预报已连续{polls}次低于{from},建议降为{to}(尚有{open}项任务未完成)。',
    proposeStandDown: 'snowops: 预报已连续{polls}次低于启动标准,建议会商后结束响应(尚有{open}项任务未完成)。',
    proposeStandDownNoSnow: 'snowops: 预警关注已解除,未降雪,建议会商后结束预处理响应(尚有{open}项任务未完成)。',
    message: '值班员：{text}',
    none: '无',
    zoneSeparator: '、',
  },
  en: {
    watch: 'snowops WATCH: {zones} expect {level} from {startsAt} ({why}). Pre-treat tier-1 roads, bridges, slopes.',
    stale: 'snowops ALARM: forecast stale for {zones}: every provider failing since {since}. Level held at {held}. Check the weather by hand.',
    proposeActivation: 'snowops: {level} proposed ({why}). Duty officer to confirm.',
    proposeUpgrade: 'snowops: upgrade from {from} to {to} proposed ({why}). Duty officer to confirm.',
    proposeDowngrade: 'snowops: forecast below {from} for {polls} polls: lower to {to} proposed ({open} tasks still open).',
    proposeStandDown: 'snowops: forecast below every threshold for {polls} polls: stand-down proposed after consulting forecasters ({open} tasks still open).',
    proposeStandDownNoSnow: 'snowops: the watch passed without snow: stand-down of the pre-treatment proposed after consulting forecasters ({open} tasks still open).',
    message: 'Duty officer: {text}',
    none: 'none',
    zoneSeparator: ', ',
  },
};
