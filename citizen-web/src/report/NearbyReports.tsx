import { ago, t } from '../i18n.tsx';
import type { NearbyReport, Service } from '../publicApi.ts';

/** FixMyStreet's "already reported": open reports near the pin, each with "me too" instead of a new report. */
export function NearbyReports({ reports, services, voiced, onVoice }: { reports: NearbyReport[]; services: Service[]; voiced: Record<string, string>; onVoice: (id: string) => void }) {
  const name = (code: string) => services.find((s) => s.service_code === code)?.service_name ?? code;
  return (
    <section class="nearby" aria-live="polite" data-nearby>
      <h3>{t('nearby')}</h3>
      {reports.length === 0 ? <p class="hint">{t('nearbyNone')}</p> : (
        <ul>
          {reports.map((r) => (
            <li key={r.id} data-nearby-report={r.id}>
              <span>{t('nearbyItem', { category: name(r.category), voices: r.voices, ago: ago(r.submittedAt), m: r.distanceM })}</span>
              {voiced[r.id] ? <span class="voiced" role="status">{voiced[r.id]}</span> : <button type="button" class="secondary" onClick={() => onVoice(r.id)}>{t('addVoice')}</button>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
