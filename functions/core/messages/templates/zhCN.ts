import type { SmsTemplate } from '../SmsTemplate.ts';

/**
 * 简体中文 (zh-CN): UCS-2, 70 characters in one part, 67 per part when concatenated. No 【】 in the wording:
 * the stage's registered signature (【…】) goes before every message, and providers refuse brackets elsewhere.
 */
export const ZH_CN: SmsTemplate = {
  level: { IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' },
  pass: { plough: '铲雪', spreader: '撒融雪剂', 'snow-melter': '融雪', loader: '装运', sweeper: '清扫' },
  header: '{level}响应，{vehicle}，{depot}出发，{startBy}前开始：',
  task: '{code} {road}{pass}',
  taskSeparator: '；',
  legend: '。回复1确认/2到场/3完成/9无法执行',
  resendPrefix: '重发：',
  backupPrefix: '代班：{leader}未确认，请接手：',
  help: '回复1确认/2到场/3完成/9无法执行，可加任务号如"3 T07"。',
  cancelled: '{tasks}已取消，无需执行，请收车回场。',
  reply: {
    ack: '已确认', onsite: '已到场', done: '已完成', cannot: '已报无法执行，值班员将另行安排',
    stop: '已退订短信，值班员将电话联系您', several: '（全部{n}项任务）', none: '您没有可更新的待办任务', notYours: '{code}不是您的待办任务',
  },
  duty: {
    unconfirmed: '{crew}任务{codes}无人确认（班长、代班长均未回复），请电话联系。',
    unreachable: '{crew}任务{codes}短信无法送达（{reason}），请电话联系。',
    cannot: '{crew}报无法执行{codes}；{replacement}',
    replacedBy: '已改派{crews}。',
    noReplacement: '无空闲班组可改派，请人工安排。',
    shortfall: '{level}响应缺口{n}处：{roads}，请调配。',
    listSeparator: '、',
  },
};
