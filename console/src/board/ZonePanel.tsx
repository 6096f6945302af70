import type { Board } from '../api/types.ts';
import { clock } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { evidenceLine } from './evidenceLine.ts';
import { ForecastStrip } from './ForecastStrip.tsx';

/**
 * Each zone's level badge, its forecast strip (snow water hour by hour against the plan's thresholds) and
 * its evidence: the deciding window's value against the threshold (a bar with the threshold marked), the
 * window's times, and whether the forecast is stale.
 */
export function ZonePanel({ board }: { board: Board }) {
  return (
    <section class="zones-panel" aria-label={t('forecast')}>
      <h2>{t('forecast')}</h2>
      {/* The list scrolls on the wall board (40 zones in a big city): focusable, so it scrolls from the keyboard too. */}
      <ul tabIndex={0} aria-label={t('forecast')}>
        {board.zones.map((z) => {
          const level = z.activationLevel && z.activationLevel !== 'none' ? z.activationLevel : z.forecastLevel;
          return (
            <li key={z.zoneId} class={z.stale ? 'zone-row stale' : 'zone-row'} data-zone-row={z.zoneId}>
              <span class={`level-badge lvl-${level}`}>{level === 'none' ? t('none') : level}</span>
              <span class="zone-name">{z.name}</span>
              {z.watch && <span class="tag">{t('watch')}</span>}
              {z.stale && <span class="tag tag-stale">{t('stale')}{z.lastSuccessAt ? ` · ${clock(z.lastSuccessAt, board.timeZone)}` : ''}</span>}
              <ForecastStrip zone={z} board={board} />
              {z.evidence.map((e) => {
                const ratio = Math.min(1.5, e.value / Math.max(e.threshold, 0.001));
                return (
                  <div class="evidence" key={e.rule + e.from}>
                    <span>{t('evidence')}{t('colon')}{evidenceLine(e, board.timeZone)}</span>
                    <svg class="strip" viewBox="0 0 150 10" aria-hidden="true">
                      <rect x="0" y="2" width={ratio * 100} height="6" class={`lvl-fill-${e.level}`} />
                      <line x1="100" x2="100" y1="0" y2="10" class="threshold" />
                    </svg>
                  </div>
                );
              })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
