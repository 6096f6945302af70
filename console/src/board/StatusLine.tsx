import { clock } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { useNow } from './useNow.ts';

/**
 * "updated HH:MM:SS", or, when the API cannot be reached, that the connection is lost and how old the shown
 * data is. It keeps its own one-second clock, so the tick re-renders this line and not the board.
 */
export function StatusLine({ okAt, lost, error, timeZone }: { okAt: number | undefined; lost: boolean; error: Error | undefined; timeZone: string }) {
  const now = useNow();
  if (lost) {
    const age = okAt ? Math.round((now - okAt) / 1000) : 0;
    return <p class="status-line lost" role="status" data-status="lost">{t('lost')} · {t('dataAge')} {age >= 120 ? `${Math.round(age / 60)} ${t('minutes')}` : `${age} ${t('seconds')}`}</p>;
  }
  return (
    <p class="status-line" role="status" data-status="ok">
      {okAt ? `${t('updated')} ${clock(okAt, timeZone)}` : '…'}{error ? ` · ${(error as { sentence?: string }).sentence ?? error.message}` : ''}
    </p>
  );
}
