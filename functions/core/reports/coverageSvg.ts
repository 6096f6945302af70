import type { TierCoverage } from './AfterActionReport.ts';
import { escapeHtml } from './escapeHtml.ts';

export const TIER_COLOURS: Record<number, string> = { 1: '#c62828', 2: '#ef6c00', 3: '#1565c0' };

const W = 680;
const H = 300;
const M = { left: 48, right: 16, top: 16, bottom: 64 };

/**
 * A step chart of lane-km passable per tier (percent of the tier's roads in scope) over the hours since
 * activation, with each tier's target as a dashed line: the picture a manager reads first.
 */
export function coverageSvg(coverage: readonly TierCoverage[], periodHours: number): string {
  const maxHours = Math.max(1, Math.ceil(Math.max(periodHours, ...coverage.map((c) => c.targetHours), ...coverage.flatMap((c) => c.timeline.map((p) => p.hours)))));
  const x = (h: number) => M.left + (h / maxHours) * (W - M.left - M.right);
  const y = (pct: number) => M.top + (1 - pct / 100) * (H - M.top - M.bottom);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  for (const pct of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${f(y(pct))}" y2="${f(y(pct))}" stroke="#ddd"/>`);
    parts.push(`<text x="${M.left - 6}" y="${f(y(pct) + 4)}" text-anchor="end" font-size="11">${pct}%</text>`);
  }
  const step = maxHours <= 12 ? 1 : maxHours <= 48 ? 4 : 12;
  for (let h = 0; h <= maxHours; h += step) parts.push(`<text x="${f(x(h))}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${h}</text>`);
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 32}" text-anchor="middle" font-size="11">hours since activation</text>`);
  parts.push(`<line x1="${f(x(periodHours))}" x2="${f(x(periodHours))}" y1="${M.top}" y2="${H - M.bottom}" stroke="#999" stroke-dasharray="2 3"/>`);
  coverage.forEach((c, i) => {
    const colour = TIER_COLOURS[c.tier] ?? '#333';
    let path = `M${f(x(0))},${f(y(0))}`;
    let pct = 0;
    for (const p of c.timeline) {
      path += ` H${f(x(p.hours))} V${f(y(p.percent))}`;
      pct = p.percent;
    }
    path += ` H${f(x(periodHours))}`;
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2.5" data-tier="${c.tier}"><title>tier ${c.tier}: ${pct}% by ${f(periodHours)} h</title></path>`);
    parts.push(`<line x1="${f(x(c.targetHours))}" x2="${f(x(c.targetHours))}" y1="${M.top}" y2="${H - M.bottom}" stroke="${colour}" stroke-dasharray="6 4" data-target-tier="${c.tier}"/>`);
    const lx = M.left + i * 200;
    parts.push(`<line x1="${lx}" x2="${lx + 18}" y1="${H - 14}" y2="${H - 14}" stroke="${colour}" stroke-width="2.5"/>`);
    parts.push(`<text x="${lx + 24}" y="${H - 10}" font-size="11">${escapeHtml(`tier ${c.tier}: ${c.percentCoveredByTarget}% by ${c.targetHours} h target`)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Lane-km passable per tier over time against the targets" font-family="sans-serif">${parts.join('')}</svg>`;
}
