import type { Board } from '../api/types.ts';
import { clock, duration } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { useNow } from './useNow.ts';

/** Headline figures: tier-1 passable against the plan's target (flashing when late), crews out, the taskings in trouble. */
export function Kpis({ board }: { board: Board }) {
  const k = board.kpis;
  const a = board.activation;
  if (!k || !a) return <section class="kpis" aria-label="KPI"><p class="kpi-empty">{t('noActivation')}</p></section>;
  // No tier-1 lane-km booked (none in scope, or all cancelled at stand-down): no share to show, not 100 %.
  const pct = k.tier1LaneKm > 0 ? Math.round((k.tier1PassableLaneKm / k.tier1LaneKm) * 100) : null;
  const open = a.status === 'open';
  const late = open && k.tier1Late;
  const standing = open ? (late ? t('late') : t('onTrack')) : t('final');
  return (
    <section class="kpis" aria-label="KPI">
      <div class={`kpi ${pct === null ? '' : late ? 'kpi-late' : 'kpi-ok'}`} data-kpi="tier1">
        <span class="kpi-label">{t('tier1')}</span>
        <span class="kpi-value" data-kpi-value>{pct === null ? '—' : `${pct}%`}</span>
        <span class="kpi-note">{pct === null ? t('noTier1') : `${k.tier1PassableLaneKm} / ${k.tier1LaneKm} km · ${standing}`}{open && pct !== null && k.tier1TargetAt ? ` · ≤ ${clock(k.tier1TargetAt, board.timeZone)}` : ''}</span>
      </div>
      <div class="kpi" data-kpi="crews"><span class="kpi-label">{t('crewsOut')}</span><span class="kpi-value">{k.crewsOut}</span></div>
      <div class="kpi" data-kpi="done"><span class="kpi-label">{t('tasksDone')}</span><span class="kpi-value">{k.tasksDone}/{k.tasks}</span></div>
      <div class={`kpi ${k.unconfirmed ? 'kpi-warn' : ''}`} data-kpi="unconfirmed"><span class="kpi-label">{t('unconfirmed')}</span><span class="kpi-value">{k.unconfirmed}</span></div>
      <div class={`kpi ${k.unreachable ? 'kpi-warn' : ''}`} data-kpi="unreachable"><span class="kpi-label">{t('unreachable')}</span><span class="kpi-value">{k.unreachable}</span></div>
      <div class={`kpi ${k.cannot ? 'kpi-warn' : ''}`} data-kpi="cannot"><span class="kpi-label">{t('cannot')}</span><span class="kpi-value">{k.cannot}</span></div>
      <div class={`kpi ${k.short ? 'kpi-warn' : ''}`} data-kpi="short"><span class="kpi-label">{t('short')}</span><span class="kpi-value">{k.short}</span></div>
      <div class="kpi" data-kpi="since">
        <span class="kpi-label">{open ? t('sinceActivation') : t('standDownDone')}</span>
        <span class="kpi-value">{open ? <SinceOpened board={board} openedAt={a.openedAt} /> : duration(Date.parse(a.closedAt ?? a.openedAt) - Date.parse(a.openedAt))}</span>
      </div>
    </section>
  );
}

/** Time since activation, on its own one-second clock, so the tick re-renders this text and not the board. */
function SinceOpened({ board, openedAt }: { board: Board; openedAt: string }) {
  const now = useNow();
  // The clock is at least as late as the last thing logged (a replayed storm runs on its own clock).
  const ref = Math.max(now, ...board.ticker.map((e) => Date.parse(e.at)));
  return <>{duration(ref - Date.parse(openedAt))}</>;
}
