import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Language } from '../registry/Language.ts';

/** Wording of the SMS in one language. Add a language by adding an entry here. */
export interface SmsTemplate {
  level: Record<ActiveLevel, string>;
  pass: Record<EquipmentClass, string>;
  /** Header: level and vehicle; {level} {vehicle} {depot} {startBy} are filled in. */
  header: string;
  /** One task: {code} {road} {pass}. */
  task: string;
  taskSeparator: string;
  legend: string;
  help: string;
  reply: { ack: string; onsite: string; done: string; cannot: string; stop: string; several: string; none: string };
}

export const SMS_TEMPLATES: Record<Language, SmsTemplate> = {
  'zh-CN': {
    level: { IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' },
    pass: { plough: '铲雪', spreader: '撒融雪剂', 'snow-melter': '融雪', loader: '装运', sweeper: '清扫' },
    header: '【扫雪】{level}响应，{vehicle}，{depot}出发，{startBy}前开始：',
    task: '{code} {road}{pass}',
    taskSeparator: '；',
    legend: '。回复1确认/2到场/3完成/9无法执行',
    help: '【扫雪】回复1确认/2到场/3完成/9无法执行，可加任务号如"3 T07"。',
    reply: { ack: '已确认', onsite: '已到场', done: '已完成', cannot: '已报无法执行，值班员将另行安排', stop: '已退订短信，值班员将联系您', several: '（{n}项任务）', none: '您没有待办任务' },
  },
  en: {
    level: { IV: 'Level IV', III: 'Level III', II: 'Level II', I: 'Level I' },
    pass: { plough: 'plough', spreader: 'spread de-icer', 'snow-melter': 'snow-melt', loader: 'haul', sweeper: 'sweep' },
    header: 'SNOW {level}: vehicle {vehicle} from {depot}, start by {startBy}: ',
    task: '{code} {road} {pass}',
    taskSeparator: '; ',
    legend: '. Reply 1 ack/2 on site/3 done/9 cannot',
    help: 'SNOW: reply 1 ack/2 on site/3 done/9 cannot; add a task code, e.g. "3 T07".',
    reply: { ack: 'Acknowledged', onsite: 'On site noted', done: 'Done noted', cannot: 'Cannot noted; the duty officer will reassign', stop: 'SMS stopped; the duty officer will call you', several: ' ({n} tasks)', none: 'You have no open tasks' },
  },
};
