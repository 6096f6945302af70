import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import type { OfficialWarning } from '../../../core/forecast/OfficialWarning.ts';
import { colourWord } from './cap/warningColour.ts';

const SOURCE = 'cma';

/** "2018-01-21 22:36:38" or "2023/12/17 11:10", Beijing time (the publishers write no offset), in UTC ISO. */
function beijing(text: unknown, where: string): string | null {
  if (text === undefined || text === null || text === '') return null;
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(String(text).trim());
  if (!m) throw new ForecastValidationError(SOURCE, where, `"${String(text)}" is not a time like 2018-01-21 22:36:38`);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+08:00`).toISOString();
}

/** GB/T 35965.1 identifiers start with the GB/T 2260 code of the issuing area: "12000041600000_2018…" → "120000". */
function areaCode(id: string): string[] {
  const code = /^(\d{6})\d*416/.exec(id)?.[1];
  return code ? [`GB/T 2260:${code}`] : [];
}

/** "…发布道路结冰黄色预警…" → the signal ("道路结冰"); 降级 / 更新 is an update, 解除 a cancellation. */
function signal(text: string): { type?: string; messageType: string } {
  const colour = /(?:蓝色|黄色|橙色|红色)预警/.exec(text);
  const head = colour ? text.slice(0, colour.index) : '';
  const cut = Math.max(0, ...['发布', '解除', '更新', '气象台', '气象局', '气象中心'].map((m) => (head.lastIndexOf(m) >= 0 ? head.lastIndexOf(m) + m.length : 0)));
  const type = head.slice(cut).trim();
  return { ...(type ? { type } : {}), messageType: /解除/.test(text) ? 'Cancel' : /降级|升级|更新|变更/.test(text) ? 'Update' : 'Alert' };
}

function record(r: Record<string, unknown>, where: string): OfficialWarning {
  const id = String(r.identifier ?? r.id ?? '');
  const title = String(r.headline ?? r.title ?? '');
  if (!id || !title) throw new ForecastValidationError(SOURCE, where, 'a warning needs an identifier (identifier / id) and a headline (headline / title)');
  const found = signal(title);
  const type = typeof r.signaltype === 'string' && r.signaltype ? r.signaltype : found.type;
  const colour = colourWord(typeof r.signallevel === 'string' ? r.signallevel : undefined) ?? colourWord(typeof r.severity === 'string' ? r.severity : undefined) ?? colourWord(title);
  const issued = beijing(r.sendTime ?? r.effective, `${where}.${r.sendTime !== undefined ? 'sendTime' : 'effective'}`);
  const codes = [type, typeof r.eventType === 'string' ? r.eventType : undefined].filter((c): c is string => !!c);
  const areas = areaCode(id);
  return {
    source: SOURCE, id, event: type ? `${type}${colour ? `${{ blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' }[colour]}` : ''}预警` : title,
    ...(typeof r.eventType === 'string' ? { code: r.eventType } : {}),
    ...(colour ? { colour } : {}),
    messageType: found.messageType,
    // The signals carry no end: one is in force until updated or lifted (解除).
    onset: issued, ends: null, headline: title,
    ...(codes.length > 0 ? { codes } : {}),
    ...(issued ? { issuedAt: issued } : {}),
    ...(areas.length > 0 ? { areas: [{ desc: title.split(/气象/)[0] ?? '', geocodes: areas, polygons: [], circles: [] }] } : {}),
  };
}

/**
 * The Chinese publishers' JSON: a 12379.cn record ({identifier, headline, sendTime, description}), a list of
 * them, or weather.cma.cn's `alarm` list ({id, title, signaltype, signallevel, effective, eventType, severity}).
 */
export function normaliseCmaWarnings(body: unknown): OfficialWarning[] {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { alarm?: unknown }).alarm) ? (body as { alarm: unknown[] }).alarm
    : body && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data : [body];
  return list.map((r, i) => {
    if (!r || typeof r !== 'object') throw new ForecastValidationError(SOURCE, `[${i}]`, 'is not a warning record');
    return record(r as Record<string, unknown>, `[${i}]`);
  });
}

/** Whether a JSON document looks like the Chinese publishers' (12379 / weather.cma.cn) warnings. */
export function isCmaWarnings(body: unknown): boolean {
  const sample = Array.isArray(body) ? body[0] : body && typeof body === 'object' ? ((body as { alarm?: unknown[]; data?: unknown[] }).alarm?.[0] ?? (body as { data?: unknown[] }).data?.[0] ?? body) : undefined;
  if (!sample || typeof sample !== 'object') return false;
  const keys = Object.keys(sample);
  return (keys.includes('identifier') && keys.includes('headline') && keys.includes('sendTime')) || (keys.includes('signaltype') && keys.includes('title'));
}
