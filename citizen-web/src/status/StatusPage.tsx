import { useEffect, useState } from 'preact/hooks';
import { LangSwitch, lang, localTime, t, type Key } from '../i18n.tsx';
import { publicApi, RefusedError, type ReporterCase } from '../publicApi.ts';

/** The loop as the reporter sees it (受理、立案、派遣、处置、核查反馈), and which steps the case has reached. */
const STEPS: { key: Key; reachedBy: string[] }[] = [
  { key: 'stepSubmit', reachedBy: ['submitted', 'registered', 'waiting', 'dispatched', 'handled', 'closed'] },
  { key: 'stepRegister', reachedBy: ['registered', 'waiting', 'dispatched', 'handled', 'closed'] },
  { key: 'stepDispatch', reachedBy: ['dispatched', 'handled', 'closed'] },
  { key: 'stepHandle', reachedBy: ['handled', 'closed'] },
  { key: 'stepVerify', reachedBy: ['closed'] },
];
const REFRESH_MS = 15_000;

function Stars({ c, statusKey, onRated }: { c: ReporterCase; statusKey: string; onRated: (c: ReporterCase) => void }) {
  const [error, setError] = useState<string>();
  if (c.rating !== undefined) return <p class="rated" data-rated={c.rating}>{'★'.repeat(c.rating)}{'☆'.repeat(5 - c.rating)} {t('rated', { n: c.rating })}</p>;
  return (
    <div class="rate">
      <p>{t('rate')}</p>
      <div class="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" class="star" aria-label={t('star', { n })} onClick={() => publicApi.rate(c.id, statusKey, n).then(onRated, (e: Error) => setError(e.message))}>★</button>
        ))}
      </div>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

/** The reporter's own page, behind the link's secret (after #, so it never reaches a server log). */
export function StatusPage() {
  const language = lang.use();
  const caseId = new URLSearchParams(location.search).get('case') ?? '';
  const statusKey = decodeURIComponent(location.hash.slice(1));
  const [c, setCase] = useState<ReporterCase>();
  const [error, setError] = useState<string>();
  const [readAt, setReadAt] = useState<string>();

  useEffect(() => {
    let stopped = false;
    const read = () => {
      if (document.hidden) return;
      publicApi.status(caseId, statusKey).then(
        (got) => { if (!stopped) { setCase(got); setReadAt(new Date().toISOString()); setError(undefined); } },
        (e: Error) => { if (!stopped) setError(e instanceof RefusedError && e.status === 404 ? t('notFound') : e.message); },
      );
    };
    read();
    const timer = setInterval(read, REFRESH_MS);
    document.addEventListener('visibilitychange', read);
    return () => { stopped = true; clearInterval(timer); document.removeEventListener('visibilitychange', read); };
  }, [caseId, statusKey]);

  return (
    <main class="report status">
      <header class="head"><h1>{t('statusTitle')}</h1><LangSwitch /></header>
      {!c && !error && <p>{t('loading')}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {c && (
        <>
          <section class={`card state state-${c.state}`} data-state={c.state}>
            <p class="kind">{c.categoryName[language]}</p>
            <h2>{t(`state_${c.state}` as Key)}</h2>
            {c.reason && <p class="note">{c.reason}</p>}
            {c.state !== 'rejected' && c.state !== 'merged' && (
              <ol class="steps">
                {STEPS.map((s) => <li key={s.key} class={s.reachedBy.includes(c.state) ? 'reached' : ''}>{t(s.key)}</li>)}
              </ol>
            )}
            {c.state === 'closed' && <Stars c={c} statusKey={statusKey} onRated={setCase} />}
          </section>
          <section class="card">
            <dl class="facts">
              <dt>{t('reportId')}</dt><dd>{c.id}</dd>
              <dt>{t('reported')}</dt><dd>{localTime(c.submittedAt)}</dd>
              <dt>{t('voices')}</dt><dd>{c.voices}</dd>
              {c.address && <><dt>{t('place')}</dt><dd>{c.address}</dd></>}
            </dl>
            {c.description && <p class="description">{c.description}</p>}
          </section>
          <section class="card">
            <h3>{t('history')}</h3>
            <ol class="history">
              {[...c.history].reverse().map((e, i) => (
                <li key={i}><time>{localTime(e.at)}</time> {t(`ev_${e.step}` as Key)}{e.note ? `${language === 'en' ? ': ' : '：'}${e.note}` : ''}</li>
              ))}
            </ol>
          </section>
          {readAt && <p class="hint updated">{t('updated', { time: localTime(readAt) })}</p>}
        </>
      )}
    </main>
  );
}
