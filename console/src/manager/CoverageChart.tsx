import { t } from '../ui/i18n.ts';

/** One tier's coverage over time, as the report carries it. */
export interface TierCoverage { tier: number; targetHours: number; percentCovered: number; met: boolean | null; timeline: { hours: number; percent: number }[] }

const W = 600;
const H = 220;
const COLOURS = ['#ff4b4b', '#ffd21f', '#34d3f0'];

/** Lane-km passable (%) against hours since activation, one line per tier, each tier's target drawn as a dashed line. */
export function CoverageChart({ coverage }: { coverage: TierCoverage[] }) {
  const maxH = Math.max(1, ...coverage.flatMap((c) => [c.targetHours, ...c.timeline.map((p) => p.hours)])) * 1.05;
  const x = (h: number) => 40 + (h / maxH) * (W - 60);
  const y = (p: number) => H - 30 - (p / 100) * (H - 50);
  const label = coverage.map((c) => t('coverageLine', { tier: c.tier, percent: c.percentCovered, hours: c.targetHours, met: c.met === null ? '' : t(c.met ? 'coverageMet' : 'coverageMissed') })).join(t('coverageSep'));
  return (
    <figure class="coverage-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-coverage>
        <line x1={40} y1={y(0)} x2={W - 20} y2={y(0)} class="axis" />
        <line x1={40} y1={y(0)} x2={40} y2={y(100)} class="axis" />
        <text x={4} y={y(100) + 4} class="tick">100%</text>
        <text x={W - 60} y={H - 8} class="tick">{Math.round(maxH)} {t('hourUnit')}</text>
        {coverage.map((c, i) => (
          <g key={c.tier} stroke={COLOURS[i]} data-tier={c.tier}>
            <line x1={x(c.targetHours)} x2={x(c.targetHours)} y1={y(0)} y2={y(100)} stroke-dasharray="4 4" />
            <polyline fill="none" stroke-width="2" points={[[0, 0], ...c.timeline.map((p) => [p.hours, p.percent])].map(([h, p]) => `${x(h!)},${y(p!)}`).join(' ')} />
          </g>
        ))}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
