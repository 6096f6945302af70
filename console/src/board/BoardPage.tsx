import type { ComponentChildren } from 'preact';
import type { ApiClient } from '../api/ApiClient.ts';
import type { Board, CityMap } from '../api/types.ts';
import { usePoll, type Polled } from '../api/usePoll.ts';
import { lang, t } from '../ui/i18n.ts';
import { AfterAction } from './AfterAction.tsx';
import { Kpis } from './Kpis.tsx';
import { MapView } from './MapView.tsx';
import { StatusLine } from './StatusLine.tsx';
import { Ticker } from './Ticker.tsx';
import { ZonePanel } from './ZonePanel.tsx';
import { sayReason } from '../ui/reasons.ts';
import { smsTime } from '../ui/format.ts';

export interface BoardData { board: Board; map: CityMap }

export function useBoard(api: ApiClient, pollMs: number) {
  return usePoll<BoardData>(async () => {
    const [board, map] = await Promise.all([api.read<Board>('/board'), api.read<CityMap>('/map')]);
    return { board: board.data, map: map.data };
  }, pollMs);
}

/** The status board; `wall` lays it out for a 1920×1080 screen read from five metres. */
export function BoardPage({ api, polled, wall, children }: { api: ApiClient; polled: Polled<BoardData>; wall?: boolean; children?: ComponentChildren }) {
  const data = polled.data;
  if (!data) return <section class="board"><StatusLine okAt={polled.okAt} lost={polled.lost} error={polled.error} timeZone="UTC" /></section>;
  const { board, map } = data;
  const a = board.activation;
  const why = a ? sayReason(a.reasonCode, a.reason, board.timeZone) : '';
  return (
    <section class={wall ? 'board wall' : 'board'} data-board>
      <header class="board-head">
        <h1>{board.city} · {t('level')} <span class={`level-badge big lvl-${a?.status === 'open' ? a.level : board.forecastLevel}`} data-level>{a?.status === 'open' ? a.level : board.forecastLevel === 'none' ? t('none') : board.forecastLevel}</span></h1>
        {a && <p class="activation-line" title={why} data-activation-reason>{a.status === 'open' ? '' : `${t('standDownDone')} · `}{why} <small>({a.openedBy})</small></p>}
        {a?.status === 'open' && a.waveSms && <p class="wave-sms" data-wave-sms>{t('waveSms', { wave: a.wave, sms: a.waveSms.messages, parts: a.waveSms.parts, time: smsTime(a.waveSms.seconds) })}</p>}
        <StatusLine okAt={polled.okAt} lost={polled.lost} error={polled.error} timeZone={board.timeZone} />
      </header>
      <Kpis board={board} />
      {a && a.status !== 'open' && <AfterAction api={api} activationId={a.id} />}
      <div class="board-main">
        <MapView map={map} board={board} large={wall} lang={lang.get()} />
        <ZonePanel board={board} />
      </div>
      {children}
      <Ticker entries={board.ticker} timeZone={board.timeZone} />
    </section>
  );
}
