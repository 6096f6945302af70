import { ForecastValidationError } from '../../../../core/errors/ForecastValidationError.ts';
import type { OfficialWarning, WarningArea } from '../../../../core/forecast/OfficialWarning.ts';
import { capAlertSchema, type CapAlert, type CapInfo } from './capSchema.ts';
import { colourOfRgb, colourWord } from './warningColour.ts';

/** A CAP time (always with an offset) in UTC ISO; null when absent. */
function utc(text: string | undefined, where: string): string | null {
  if (!text) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) throw new ForecastValidationError('cap', where, `"${text}" is not a date-time with an offset`);
  return new Date(ms).toISOString();
}

/** Who sent it, short: the host of a URL or an e-mail address ("metoffice.gov.uk", "dwd.de", "noaa.gov"). */
function publisher(sender: string | undefined): string {
  if (!sender) return 'cap';
  const host = /^[a-z]+:\/\/([^/]+)/i.exec(sender)?.[1] ?? sender.split('@')[1] ?? sender;
  return host.replace(/^www\./, '').toLowerCase();
}

const byName = (pairs: { valueName: string; value: string }[], name: RegExp) => pairs.find((p) => name.test(p.valueName))?.value;

/** "/O.CAN.KDLH.BZ.W.0002.…/" → { action: "CAN", code: "BZ.W" } (P-VTEC). */
function vtec(text: string | undefined): { action: string; code: string } | undefined {
  const parts = text?.replace(/^\//, '').split('.');
  return parts && parts.length >= 5 ? { action: parts[1]!, code: `${parts[3]}.${parts[4]}` } : undefined;
}

function areaOf(a: CapInfo['area'][number], where: string): WarningArea {
  const polygons = a.polygon.filter((p) => p.trim() !== '').map((p, i) => p.trim().split(/\s+/).map((pt) => {
    const [lat, lon] = pt.split(',').map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new ForecastValidationError('cap', `${where}.polygon[${i}]`, `"${pt}" is not a "lat,lon" point`);
    return [lat, lon] as [number, number];
  }));
  const circles = a.circle.filter((c) => c.trim() !== '').map((c) => {
    const [point, radius] = c.trim().split(/\s+/);
    const [latitude, longitude] = (point ?? '').split(',').map(Number);
    return { latitude: latitude!, longitude: longitude!, radiusKm: Number(radius) };
  });
  return { desc: a.areaDesc, geocodes: a.geocode.filter((g) => g.value !== '').map((g) => `${g.valueName}:${g.value}`), polygons, circles };
}

/** The CAP info blocks of one language: the first info's (a bilingual alert says the same thing twice). */
function oneLanguage(infos: CapInfo[]): CapInfo[] {
  const language = infos[0]?.language;
  return infos.filter((i) => i.language === language);
}

function warningsOf(alert: CapAlert, where: string): OfficialWarning[] {
  if ((alert.status ?? 'Actual') !== 'Actual') return [];
  const source = publisher(alert.sender);
  const references = (alert.references ?? '').split(/\s+/).filter(Boolean).map((r) => r.split(',')[1] ?? r);
  return oneLanguage(alert.info).map((info, i): OfficialWarning => {
    const at = `${where}.info[${i}]`;
    const pairs = [...info.eventCode, ...info.parameter];
    const action = vtec(byName(info.parameter, /^VTEC$/));
    const awareness = byName(pairs, /^awareness_type$/i)?.split(';')[1]?.trim().toLowerCase();
    const alertType = byName(pairs, /Alert_Type$/);
    const colour = colourWord(byName(pairs, /^awareness_level$/i)?.split(';')[1]) ?? colourOfRgb(byName(pairs, /colou?r$/i)) ?? colourWord(info.event) ?? colourWord(info.headline);
    const cancelled = action && ['CAN', 'EXP', 'UPG'].includes(action.action);
    const codes = [...info.eventCode.filter((c) => !/^(PROFILE_VERSION|LICENSE|AREA_COLOR)$/i.test(c.valueName) && !/colou?r/i.test(c.valueName)).map((c) => c.value), awareness, alertType ? `${info.event} ${alertType}` : undefined]
      .filter((c): c is string => !!c);
    return {
      source, id: alert.identifier, event: info.event,
      ...(action ? { code: action.code } : {}),
      ...(colour ? { colour } : {}),
      severity: info.severity, urgency: info.urgency, certainty: info.certainty,
      messageType: cancelled ? 'Cancel' : alert.msgType,
      onset: utc(info.onset, `${at}.onset`) ?? utc(info.effective, `${at}.effective`),
      ends: utc(info.expires, `${at}.expires`),
      ...(info.headline ? { headline: info.headline } : {}),
      ...(codes.length > 0 ? { codes } : {}),
      ...(alert.sent ? { issuedAt: utc(alert.sent, `${where}.sent`)! } : {}),
      ...(references.length > 0 ? { references } : {}),
      ...(info.area.length > 0 ? { areas: info.area.map((a, j) => areaOf(a, `${at}.area[${j}]`)) } : {}),
    };
  });
}

/** CAP alerts (objects from XML or JSON) as OfficialWarnings, one per info block of the alert's first language; exercises and tests are left out. */
export function capToWarnings(alerts: readonly unknown[], where = 'alert'): OfficialWarning[] {
  return alerts.flatMap((raw, i) => {
    const parsed = capAlertSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ForecastValidationError('cap', [`${where}[${i}]`, ...issue.path].join('.'), issue.message);
    }
    return warningsOf(parsed.data, `${where}[${i}]`);
  });
}
