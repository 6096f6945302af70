import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import type { Report } from '../manager/ReportPage.tsx';
import { t } from '../ui/i18n.ts';

/**
 * After a stand-down, the board shows the after-action figures of the activation it stood down: read once
 * from its report (a closed activation's figures no longer change), with a link to the whole report.
 */
export function AfterAction({ api, activationId }: { api: ApiClient; activationId: string }) {
  const [report, setReport] = useState<Report>();
  useEffect(() => {
    let live = true;
    api.read<Report>(`/activations/${encodeURIComponent(activationId)}/report`).then(({ data }) => { if (live) setReport(data); }, () => {});
    return () => { live = false; };
  }, [activationId]);
  if (!report) return null;
  const min = (n: number | null) => (n === null ? '—' : `${n} ${t('minutes')}`);
  const ack = report.acknowledgement;
  return (
    <section class="after-action" aria-label={t('afterAction')} data-after-action>
      <h2>{t('afterAction')}</h2>
      <dl class="figures">
        <dt>{t('toDispatch')}</dt><dd>{min(report.timings.minutesToFirstDispatch)} / {min(report.timings.minutesToLastDispatch)}</dd>
        <dt>{t('acknowledged')}</dt><dd data-figure="acknowledged">{ack.acknowledged}/{ack.dispatchedTasks} ({t('median')} {min(ack.medianMinutes)})</dd>
        <dt>{t('smsSentFailed')}</dt><dd>{report.messages.sent} / {report.messages.failed}</dd>
        <dt>{t('escalations')}</dt><dd>{report.escalations.count}</dd>
        <dt>{t('short')}</dt><dd>{report.shortfalls.count}</dd>
      </dl>
      <a href={`#/report?id=${encodeURIComponent(activationId)}`}>{t('report')}</a>
    </section>
  );
}
