import { signal } from '../../console/src/ui/signal.ts';

export type Lang = 'zh-CN' | 'en';

const zh = {
  title: '冰雪随手拍', intro: '看到结冰的桥面、被雪堵住的医院通道？告诉我们，处置后短信告诉您。无需注册。', lang: 'English',
  category: '1. 问题类型', location: '2. 位置', mapHelp: '在地图上点一下放置位置，或用手机定位。', gps: '使用我的位置', gpsBusy: '正在定位…',
  gpsFailed: '无法定位：{why}。请在地图上点选位置。', pinAt: '已选位置：{lat}, {lon}', noPin: '尚未选择位置', address: '地址或地标（选填）', addressHint: '例如：人民路大桥北侧',
  zoomIn: '放大', zoomOut: '缩小', nearby: '附近已有上报', nearbyNone: '附近 200 米内暂无未处理的上报。', nearbyItem: '{category}：{voices} 人上报，{ago}，距此 {m} 米',
  addVoice: '我也遇到了', voiceAdded: '已附议，共 {voices} 人。处置后会一并通知。', voiceAlready: '您已经附议过这条上报。', voiceNeedsPhone: '请先验证手机号，验证后自动附议。',
  photos: '照片（选填，最多 2 张：近景和远景）', photoTooBig: '{name} 超过 5 MB', addPhoto: '添加照片', removePhoto: '移除', photoNote: '上传前会删除照片中的位置和设备信息。', description: '3. 描述', descriptionHint: '发生了什么？例如：桥面结冰，已有车辆打滑。', chars: '{n}/4000 字',
  phone: '4. 手机号验证', phoneHint: '仅用于短信通知，对外显示时隐藏中间四位。', phoneLabel: '手机号', sendCode: '获取验证码', codeSent: '验证码已发送至 {phone}，10 分钟内有效。',
  codeLabel: '短信验证码', confirmCode: '验证', verified: '手机号已验证', resend: '重新获取',
  submit: '提交上报', submitting: '正在提交…', missing: '请先完成：{what}', missingCategory: '问题类型', missingPin: '位置', missingPhone: '手机号验证',
  done: '已受理', doneText: '您的上报编号 {id}。立案后我们会短信通知您，处置完毕后再次通知。', viewStatus: '查看处理进度', another: '再报一处',
  minutesAgo: '{n} 分钟前', hoursAgo: '{n} 小时前', justNow: '刚刚',
  statusTitle: '上报处理进度', loading: '正在读取…', notFound: '找不到这条上报。请使用短信中的完整链接。', reportId: '编号', place: '地点', reported: '上报时间', voices: '上报人数',
  stepSubmit: '受理', stepRegister: '立案', stepDispatch: '派遣', stepHandle: '处置', stepVerify: '核查反馈',
  state_submitted: '已受理，等待值班员立案', state_registered: '已立案，即将派遣班组', state_waiting: '已立案，等待空闲班组', state_dispatched: '已派遣班组前往处置',
  state_handled: '班组报告已处置，等待核查', state_closed: '已处置并核查完毕', state_rejected: '未予立案', state_merged: '已并入另一条相同的上报',
  history: '处理记录', ev_submit: '收到上报', ev_register: '立案', ev_reject: '不予立案', ev_merge: '合并', ev_dispatch: '派遣班组', ev_wait: '等待班组', ev_handle: '班组处置完毕', ev_verify: '核查通过', ev_reopen: '重新处理',
  rate: '对处理结果满意吗？', rated: '您的评价：{n} 星。谢谢！', star: '{n} 星', updated: '更新于 {time}', task: '任务 {code}',
} as const;

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Report snow and ice', intro: 'An icy bridge, a hospital lane blocked by snow? Tell us, and we text you when it is fixed. No account needed.', lang: '中文',
  category: '1. What is wrong', location: '2. Where', mapHelp: 'Tap the map to place the pin, or use your phone\'s location.', gps: 'Use my location', gpsBusy: 'Locating…',
  gpsFailed: 'No location: {why}. Tap the map instead.', pinAt: 'Pin at {lat}, {lon}', noPin: 'No place chosen yet', address: 'Address or landmark (optional)', addressHint: 'e.g. north end of the Renmin Road bridge',
  zoomIn: 'Zoom in', zoomOut: 'Zoom out', nearby: 'Already reported nearby', nearbyNone: 'No open reports within 200 m.', nearbyItem: '{category}: {voices} reported, {ago}, {m} m away',
  addVoice: 'Me too', voiceAdded: 'Added: {voices} people now. You will be told when it is fixed.', voiceAlready: 'You have already added your voice to this report.', voiceNeedsPhone: 'Verify your phone first; your voice is added right after.',
  photos: 'Photos (optional, up to 2: one close, one wide)', photoTooBig: '{name} is over 5 MB', addPhoto: 'Add a photo', removePhoto: 'Remove', photoNote: 'Location and device data are removed from photos before they are stored.', description: '3. Description', descriptionHint: 'What is happening? e.g. ice on the bridge deck, cars sliding.', chars: '{n}/4000 characters',
  phone: '4. Your phone', phoneHint: 'Only for the SMS updates; shown masked to officers.', phoneLabel: 'Mobile number', sendCode: 'Text me a code', codeSent: 'Code sent to {phone}, valid 10 minutes.',
  codeLabel: 'Code from the SMS', confirmCode: 'Verify', verified: 'Phone verified', resend: 'Send a new code',
  submit: 'Send report', submitting: 'Sending…', missing: 'Still needed: {what}', missingCategory: 'what is wrong', missingPin: 'where', missingPhone: 'phone check',
  done: 'Received', doneText: 'Your report is {id}. We text you when it is registered, and again when it is fixed.', viewStatus: 'See its progress', another: 'Report another',
  minutesAgo: '{n} min ago', hoursAgo: '{n} h ago', justNow: 'just now',
  statusTitle: 'Your report', loading: 'Loading…', notFound: 'No such report. Use the whole link from the SMS.', reportId: 'Report', place: 'Place', reported: 'Reported', voices: 'People who reported it',
  stepSubmit: 'Received', stepRegister: 'Registered', stepDispatch: 'Crew sent', stepHandle: 'Handled', stepVerify: 'Checked',
  state_submitted: 'Received; waiting for the duty officer', state_registered: 'Registered; a crew will be sent', state_waiting: 'Registered; waiting for a free crew', state_dispatched: 'A crew is on its way',
  state_handled: 'The crew reports it done; waiting for a check', state_closed: 'Fixed and checked', state_rejected: 'Not registered', state_merged: 'Merged into an identical report',
  history: 'History', ev_submit: 'Report received', ev_register: 'Registered', ev_reject: 'Not registered', ev_merge: 'Merged', ev_dispatch: 'Crew sent', ev_wait: 'Waiting for a crew', ev_handle: 'Crew reports it done', ev_verify: 'Checked and closed', ev_reopen: 'Reopened',
  rate: 'Are you satisfied with the result?', rated: 'You rated it {n} stars. Thank you!', star: '{n} stars', updated: 'updated {time}', task: 'task {code}',
};

function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'zh-CN') return asked;
  return localStorage.getItem('snowops.report.lang') === 'en' ? 'en' : 'zh-CN';
}

export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang): void {
  localStorage.setItem('snowops.report.lang', next);
  document.documentElement.lang = next;
  lang.set(next);
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text: string = (lang.get() === 'en' ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** "14 分钟前" / "14 min ago". */
export function ago(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t('justNow');
  return minutes < 120 ? t('minutesAgo', { n: minutes }) : t('hoursAgo', { n: Math.floor(minutes / 60) });
}

export function localTime(iso: string): string {
  return new Date(iso).toLocaleString(lang.get(), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function LangSwitch() {
  lang.use();
  return <button type="button" class="lang" onClick={() => setLang(lang.get() === 'en' ? 'zh-CN' : 'en')}>{t('lang')}</button>;
}
