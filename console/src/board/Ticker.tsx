import type { LogEntry } from '../api/types.ts';
import { clock } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { describeEntry } from './describeEntry.ts';

/** The latest response-log entries along the bottom (after eICS). */
export function Ticker({ entries, timeZone }: { entries: LogEntry[]; timeZone: string }) {
  return (
    <section class="ticker" aria-label={t('ticker')}>
      <h2 class="sr-only">{t('ticker')}</h2>
      <ol aria-live="polite">
        {entries.map((e) => <li key={e.id}><time dateTime={e.at}>{clock(e.at, timeZone)}</time> {describeEntry(e, timeZone)}</li>)}
      </ol>
    </section>
  );
}
