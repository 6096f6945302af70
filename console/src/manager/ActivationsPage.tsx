import type { ApiClient } from '../api/ApiClient.ts';
import type { ActiveLevel, ReasonCode } from '../api/types.ts';
import { usePoll } from '../api/usePoll.ts';
import { clock } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { sayReason } from '../ui/reasons.ts';

interface ActivationRow { id: string; level: ActiveLevel; status: string; openedAt: string; openedBy: string; reason: string; reasonCode?: ReasonCode; closedAt?: string }

/** Recent activations, newest first, each with its log and its after-action report. */
export function ActivationsPage({ api, pollMs, timeZone }: { api: ApiClient; pollMs: number; timeZone: string }) {
  const polled = usePoll(async () => (await api.read<{ activations: ActivationRow[] }>('/activations?limit=50')).data.activations, pollMs);
  return (
    <section class="panel" aria-label={t('activations')} data-activations>
      <h2>{t('activations')}</h2>
      <table>
        <thead><tr><th>{t('id')}</th><th>{t('level')}</th><th>{t('state')}</th><th>{t('opened')}</th><th>{t('closed')}</th><th>{t('reason')}</th><th>{t('log')}</th></tr></thead>
        <tbody>
          {(polled.data ?? []).map((a) => (
            <tr key={a.id} data-activation={a.id}>
              <td>{a.id}</td><td><span class={`level-badge lvl-${a.level}`}>{a.level}</span></td><td>{a.status}</td>
              <td>{clock(a.openedAt, timeZone, true)} ({a.openedBy})</td><td>{a.closedAt ? clock(a.closedAt, timeZone, true) : '—'}</td><td>{sayReason(a.reasonCode, a.reason, timeZone)}</td>
              <td class="row"><a href={`#/log?stream=${a.id}`}>{t('log')}</a> <a href={`#/report?id=${a.id}`}>{t('report')}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
