import type { Board } from '../api/types.ts';
import { dayTime } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { stripMarks } from './stripMarks.ts';

const BAR = 6;
const HEIGHT = 44;
const HOUR_MS = 3_600_000;

type Zone = Board['zones'][number];

/**
 * A zone's forecast strip: snow water hour by hour for the next two days (bars coloured by the level the
 * window ending with that hour reaches), the plan's thresholds drawn as the hourly rate that fills each
 * window (10 mm in 6 h: 1.67 mm/h), the watch (snow begins) and trigger times marked, all red when stale.
 */
export function ForecastStrip({ zone, board }: { zone: Zone; board: Board }) {
  const hourly = zone.hourly;
  if (!hourly || hourly.snowWaterMm.length === 0) return <p class="strip-none" data-strip={zone.zoneId} data-hours="0">{t('noHourly')}</p>;
  const marks = stripMarks(hourly, board.thresholds);
  const from = Date.parse(hourly.from);
  const hours = hourly.snowWaterMm.length;
  const rates = board.thresholds.map((th) => ({ ...th, rate: th.waterMm / th.windowHours }));
  const top = Math.max(...hourly.snowWaterMm.map((w) => w ?? 0), ...rates.map((r) => r.rate)) * 1.1 || 1;
  const y = (mm: number) => HEIGHT - (mm / top) * HEIGHT;
  const x = (ms: number) => ((ms - from) / HOUR_MS) * BAR;
  const total = hourly.snowWaterMm.reduce<number>((n, w) => n + (w ?? 0), 0);
  const tz = board.timeZone;
  const watchAt = marks.snowFrom;
  const label = t('stripLabel', { zone: zone.name, hours, total: total.toFixed(1) })
    + (watchAt !== null ? ` · ${t(zone.watch ? 'watch' : 'snowStarts')} ${dayTime(watchAt, tz)}` : '')
    + marks.triggers.map((m) => ` · ${m.level} ${dayTime(m.at, tz)}`).join('')
    + (zone.stale ? ` · ${t('stale')}` : '');
  return (
    <div class={zone.stale ? 'forecast-strip stale' : 'forecast-strip'} data-strip={zone.zoneId} data-hours={hours} data-stale={zone.stale ? 'true' : 'false'}>
      <svg viewBox={`0 0 ${hours * BAR} ${HEIGHT + 2}`} preserveAspectRatio="none" role="img" aria-label={label}>
        {hourly.snowWaterMm.map((w, i) => w === null
          ? <rect key={i} x={i * BAR + 1} y={HEIGHT - 2} width={BAR - 2} height={2} class="gap" data-hour={i} />
          : <rect key={i} x={i * BAR + 0.5} y={y(w)} width={BAR - 1} height={HEIGHT - y(w)} class={`bar${marks.levels[i] ? ` lvl-fill-${marks.levels[i]}` : ''}`} data-hour={i} />)}
        {rates.map((r) => <line key={r.level} x1={0} x2={hours * BAR} y1={y(r.rate)} y2={y(r.rate)} class={`threshold-line lvl-stroke-${r.level}`} data-threshold={r.level} />)}
        {watchAt !== null && <line x1={x(watchAt)} x2={x(watchAt)} y1={0} y2={HEIGHT} class="mark watch-mark" data-mark="watch" />}
        {marks.triggers.map((m) => <line key={m.level} x1={x(m.at)} x2={x(m.at)} y1={0} y2={HEIGHT} class={`mark lvl-stroke-${m.level}`} data-mark={`trigger-${m.level}`} />)}
      </svg>
      <p class="strip-marks">
        {watchAt !== null && <span data-mark-time="watch">{t(zone.watch ? 'watch' : 'snowStarts')} {dayTime(watchAt, tz)}</span>}
        {marks.triggers.map((m) => <span key={m.level} data-mark-time={`trigger-${m.level}`}><span class={`level-badge lvl-${m.level}`}>{m.level}</span> {dayTime(m.at, tz)}</span>)}
        <span class="strip-total">Σ {total.toFixed(1)} mm / {hours} h</span>
      </p>
    </div>
  );
}
