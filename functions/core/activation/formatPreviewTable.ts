import { localTime } from '../messages/localTime.ts';
import type { PlanPreview } from './preview.ts';

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

const localDate = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** HH:mm, with "+1d" when it falls on a later local day than `firstDay` (a 24-hour target would otherwise read as this morning). */
function clock(iso: string, timeZone: string, firstDay: string): string {
  const days = Math.round((Date.parse(localDate(iso, timeZone)) - Date.parse(firstDay)) / 86_400_000);
  return days > 0 ? `${localTime(iso, timeZone)} +${days}d` : localTime(iso, timeZone);
}

/** The preview as a text table (road, tier, team, vehicle, start-by, passable, target), local times (+Nd on later days), then the shortfalls. */
export function formatPreviewTable(preview: PlanPreview, timeZone: string): string {
  const header = ['road', 'tier', 'pass', 'team', 'vehicle', 'start by', 'passable', 'target'];
  const firstStart = preview.rows.map((r) => r.startBy).sort()[0];
  const firstDay = firstStart ? localDate(firstStart, timeZone) : '';
  const at = (iso: string) => clock(iso, timeZone, firstDay);
  const rows = preview.rows.map((r) => [
    r.road, String(r.tier), r.pass, r.team, r.vehicle, at(r.startBy), at(r.passableAt),
    r.targetAt ? `${at(r.targetAt)}${r.late ? ' LATE' : ''}` : '-',
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (preview.shortfalls.length > 0) {
    out.push('', `Short (${preview.shortfalls.length}):`);
    for (const s of preview.shortfalls) out.push(`  ${s.roadName} (tier ${s.tier}, ${s.pass}, ${s.laneKm} lane-km): ${s.reason}`);
  }
  return out.join('\n');
}
