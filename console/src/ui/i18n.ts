import { signal } from './signal.ts';

export type Lang = 'zh-CN' | 'en';

const zh = {
  title: '清融雪指挥', cases: '市民上报', board: '态势', wall: '大屏', tasks: '任务', attention: '待处理', log: '响应日志', activations: '启动记录', report: '总结报告', registry: '登记册', signOut: '退出',
  signIn: '登录', signInAs: '以演示角色登录', officer: '值班员', manager: '管理者', admin: '管理员', signInHosted: '通过单点登录页面登录',
  updated: '更新于', lost: '连接中断', dataAge: '数据已过', minutes: '分钟', seconds: '秒', level: '响应级别', none: '无', forecast: '预报', evidence: '依据',
  stale: '预报过期', watch: '关注', tier1: '一级道路可通行', onTrack: '按期', late: '逾期', crewsOut: '出动班组', unconfirmed: '未确认', unreachable: '无法联系', cannot: '无法执行', short: '缺口',
  sinceActivation: '启动以来', tasksDone: '完成任务', ticker: '最新动态', noActivation: '当前无启动', standDownDone: '已解除', map: '道路态势图',
  preview: '预览', activate: '启动', upgrade: '升级', downgrade: '降级', standDown: '解除响应', reason: '理由', confirm: '确认', cancel: '取消', close: '关闭',
  reassign: '改派', crew: '班组', vehicle: '车辆', zone: '片区', tier: '等级', state: '状态', all: '全部', history: '记录',
  message: '发短信', text: '短信内容', segments: '条短信', send: '发送', sent: '已发送', resolve: '处理', noItems: '没有待处理事项',
  unparsed: '无法识别的回复', export: '导出', next: '下一页', prev: '上一页', import: '导入', roads: '道路', crews: '班组', vehicles: '车辆', ready: '完好', maintenance: '维修中',
  kind: '类别', file: '文件', line: '行', column: '列', problem: '问题', importResult: '共 {rows} 行：新增 {created}，替换 {replaced}，未变 {unchanged}',
  stream: '日志流', action: '动作', from: '从', to: '至', id: '编号', opened: '启动时间', closed: '结束时间',
  toActivate: '至启动', toDispatch: '至首次 / 末次派单', acknowledged: '已确认', median: '中位数', smsSentFailed: '短信 已发 / 失败', escalations: '升级提醒',
  standDownConsequence: '{id}：取消 {open} 项未完成任务；已出动的班组将收到短信通知',
  downgradeConsequence: '{from} → {to}：超出新级别范围的任务将被取消，并通知相关班组',
  pretreat: '预撒融雪剂', pretreatConsequence: '{zones}（关注中）：撒布车在降雪开始前到达一级道路、桥梁和坡道，在允许使用融雪剂的路段预撒；每个班组收到一条短信',
  inService: '出车', hourUnit: '小时', minuteUnit: '分', secondUnit: '秒',
  start: '开始', passable: '可通行', code: '编号', pass: '作业', skip: '跳到正文', afterAction: '事后总结',
  waveProgress: '第 {wave} 批：{phase}…', waveSettled: '第 {wave} 批：{phase}', phase_planning: '正在编制方案', phase_booking: '正在调派班组和车辆', phase_dispatching: '正在发送短信', phase_active: '已启动', phase_failed: '失败',
  waveDone: '{tasks} 项任务，{crews} 个班组；{short} 处缺口', waveFailed: '第 {wave} 批未能完成：{reason}',
  lang: 'English', consequence: '将为 {crews} 个班组生成 {tasks} 项任务，发送 {sms} 条短信', atPace: '按本市短信速率约需 {time}', waveSms: '第 {wave} 批短信：{sms} 条（{parts} 段），按本市速率约需 {time}', wouldBeShort: '缺口', readOnly: '只读', coverage: '覆盖率',
  coverageLine: '{tier} 级道路 {percent}%（目标 {hours} 小时{met}）', coverageMet: '，已达成', coverageMissed: '，未达成', coverageSep: '；',
  latestActivation: '最近一次启动', noTier1: '无一级道路任务', final: '最终',
  noHourly: '尚无逐时预报', colon: '：', timeFormat: '时间格式：年-月-日 时:分（{zone} 时间）', snowStarts: '降雪开始', stripLabel: '{zone} 未来 {hours} 小时逐时雪水当量，合计 {total} 毫米',
} as const;

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Snow response', cases: 'Citizen reports', board: 'Board', wall: 'Wall', tasks: 'Tasks', attention: 'Needs attention', log: 'Response log', activations: 'Activations', report: 'After-action report', registry: 'Registry', signOut: 'Sign out',
  signIn: 'Sign in', signInAs: 'Sign in as a demo role', officer: 'Duty officer', manager: 'Manager', admin: 'Administrator', signInHosted: 'Sign in on the sign-in page',
  updated: 'updated', lost: 'Connection lost', dataAge: 'data is', minutes: 'min old', seconds: 's old', level: 'Response level', none: 'none', forecast: 'Forecast', evidence: 'Evidence',
  stale: 'forecast stale', watch: 'watch', tier1: 'Tier-1 passable', onTrack: 'on track', late: 'late', crewsOut: 'Crews out', unconfirmed: 'Unconfirmed', unreachable: 'Unreachable', cannot: 'Cannot', short: 'Short',
  sinceActivation: 'Since activation', tasksDone: 'Tasks done', ticker: 'Latest', noActivation: 'No activation open', standDownDone: 'stood down', map: 'Road state map',
  preview: 'Preview', activate: 'Activate', upgrade: 'Upgrade', downgrade: 'Downgrade', standDown: 'Stand down', reason: 'Reason', confirm: 'Confirm', cancel: 'Cancel', close: 'Close',
  reassign: 'Reassign', crew: 'Crew', vehicle: 'Vehicle', zone: 'Zone', tier: 'Tier', state: 'State', all: 'all', history: 'History',
  message: 'Send SMS', text: 'Message', segments: 'SMS segments', send: 'Send', sent: 'Sent', resolve: 'Resolve', noItems: 'Nothing needs attention',
  unparsed: 'Reply not understood', export: 'Export', next: 'Next page', prev: 'Previous page', import: 'Import', roads: 'Roads', crews: 'Crews', vehicles: 'Vehicles', ready: 'ready', maintenance: 'maintenance',
  kind: 'kind', file: 'file', line: 'line', column: 'column', problem: 'problem', importResult: '{rows} rows: {created} created, {replaced} replaced, {unchanged} unchanged',
  stream: 'stream', action: 'action', from: 'from', to: 'to', id: 'id', opened: 'opened', closed: 'closed',
  toActivate: 'to activate', toDispatch: 'to first / last dispatch', acknowledged: 'acknowledged', median: 'median', smsSentFailed: 'SMS sent / failed', escalations: 'escalations',
  standDownConsequence: '{id}: {open} open tasks cancelled; the crews already sent out are told by SMS',
  downgradeConsequence: "{from} → {to}: tasks beyond the new level's scope are cancelled and their crews told",
  pretreat: 'Pre-treat', pretreatConsequence: '{zones} (on watch): spreaders to the tier-1 roads, bridges and slopes where de-icing agent is allowed, at staging before the snow starts; each crew leader gets one SMS',
  inService: 'in service', hourUnit: 'h', minuteUnit: 'min', secondUnit: 's',
  start: 'start', passable: 'passable', code: 'code', pass: 'pass', skip: 'skip to content', afterAction: 'After action',
  waveProgress: 'wave {wave}: {phase}…', waveSettled: 'wave {wave}: {phase}', phase_planning: 'planning', phase_booking: 'booking crews and vehicles', phase_dispatching: 'sending the SMS', phase_active: 'active', phase_failed: 'failed',
  waveDone: '{tasks} tasks, {crews} crews; {short} passes short', waveFailed: 'wave {wave} could not be completed: {reason}',
  lang: '中文', consequence: '{tasks} tasks for {crews} crews, {sms} SMS', atPace: "about {time} at this city's pace", waveSms: "wave {wave}: {sms} SMS ({parts} parts), about {time} at this city's pace", wouldBeShort: 'short', readOnly: 'read only', coverage: 'Coverage',
  coverageLine: 'tier {tier}: {percent}% (target {hours} h{met})', coverageMet: ', met', coverageMissed: ', missed', coverageSep: '; ',
  latestActivation: 'the latest activation', noTier1: 'no tier-1 tasks', final: 'final',
  noHourly: 'no hourly forecast yet', colon: ': ', timeFormat: 'times as year-month-day hour:minute ({zone} time)', snowStarts: 'snow starts', stripLabel: '{zone}: snow water hour by hour for the next {hours} h, {total} mm in all',
};

export const lang = signal<Lang>(localStorage.getItem('snowops.lang') === 'en' ? 'en' : 'zh-CN');

export function setLang(next: Lang): void {
  localStorage.setItem('snowops.lang', next);
  document.documentElement.lang = next;
  lang.set(next);
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text: string = (lang.get() === 'en' ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
