import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import { ProblemError } from '../api/ProblemError.ts';
import { usePoll } from '../api/usePoll.ts';
import { clock } from '../ui/format.ts';
import { download } from '../ui/download.ts';
import { hashQuery } from '../ui/hashQuery.ts';
import { t } from '../ui/i18n.ts';
import { CoverageChart, type TierCoverage } from './CoverageChart.tsx';
import { latestActivationId } from './latestActivationId.ts';

export interface Report {
  activationId: string; level: string; status: string; openedAt: string; timeZone: string;
  timings: { minutesToActivate: number | null; minutesToFirstDispatch: number | null; minutesToLastDispatch: number | null };
  acknowledgement: { dispatchedTasks: number; acknowledged: number; refused: number; unanswered: number; medianMinutes: number | null; p90Minutes: number | null };
  messages: { sent: number; failed: number }; escalations: { count: number }; shortfalls: { count: number };
  coverage: TierCoverage[];
}

/** The after-action report: the figures, the coverage chart in the page, and the exports. */
export function ReportPage({ api, pollMs }: { api: ApiClient; pollMs: number }) {
  const id = hashQuery().get('id');
  const polled = usePoll(async () => (await api.read<Report>(`/activations/${encodeURIComponent(id ?? await latestActivationId(api))}/report`)).data, pollMs, [id]);
  const [error, setError] = useState<string>();
  const r = polled.data;
  const save = (path: string, name: string) => download(api, path, name).catch((e: Error) => setError(e instanceof ProblemError ? e.sentence : e.message));
  const fmt = (n: number | null) => (n === null ? '—' : `${n} ${t('minuteUnit')}`);
  return (
    <section class="panel" aria-label={t('report')} data-report>
      <h2>{t('report')} {r ? `${r.activationId} (${r.level}, ${r.status})` : id ?? ''}</h2>
      {polled.error && <p role="alert" class="problem">{(polled.error as { sentence?: string }).sentence ?? polled.error.message}</p>}
      {error && <p role="alert" class="problem">{error}</p>}
      {r && (
        <>
          <dl class="figures">
            <dt>{t('opened')}</dt><dd>{clock(r.openedAt, r.timeZone, true)}</dd>
            <dt>{t('toActivate')}</dt><dd>{fmt(r.timings.minutesToActivate)}</dd>
            <dt>{t('toDispatch')}</dt><dd>{fmt(r.timings.minutesToFirstDispatch)} / {fmt(r.timings.minutesToLastDispatch)}</dd>
            <dt>{t('acknowledged')}</dt><dd data-figure="acknowledged">{r.acknowledgement.acknowledged}/{r.acknowledgement.dispatchedTasks} ({t('median')} {fmt(r.acknowledgement.medianMinutes)}, p90 {fmt(r.acknowledgement.p90Minutes)})</dd>
            <dt>{t('smsSentFailed')}</dt><dd>{r.messages.sent} / {r.messages.failed}</dd>
            <dt>{t('escalations')}</dt><dd>{r.escalations.count}</dd>
            <dt>{t('short')}</dt><dd>{r.shortfalls.count}</dd>
          </dl>
          <h3>{t('coverage')}</h3>
          <CoverageChart coverage={r.coverage} />
          <div class="row">
            <span>{t('export')}:</span>
            <button type="button" class="secondary" onClick={() => void save(`/activations/${r.activationId}/log.csv`, `${r.activationId}-log.csv`)} data-export="csv">CSV</button>
            <button type="button" class="secondary" onClick={() => void save(`/activations/${r.activationId}/report.html`, `${r.activationId}-report.html`)} data-export="html">HTML</button>
            <button type="button" class="secondary" onClick={() => void save(`/activations/${r.activationId}/report`, `${r.activationId}-report.json`)} data-export="json">JSON</button>
          </div>
        </>
      )}
    </section>
  );
}
