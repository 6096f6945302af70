import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './api/ApiClient.ts';
import type { ActiveLevel } from './api/types.ts';
import { can, type Session } from './auth/Session.ts';
import { SignIn } from './auth/SignIn.tsx';
import { endOidcSession } from './auth/oidcSignIn.ts';
import { BoardPage, useBoard } from './board/BoardPage.tsx';
import type { ConsoleConfig } from './config.ts';
import { CsvImport } from './admin/CsvImport.tsx';
import { RegistryTables } from './admin/RegistryTables.tsx';
import { ActivationsPage } from './manager/ActivationsPage.tsx';
import { LogPage } from './manager/LogPage.tsx';
import { ReportPage } from './manager/ReportPage.tsx';
import { AttentionList } from './officer/AttentionList.tsx';
import { CitizenCasesPage } from './officer/CitizenCasesPage.tsx';
import { LevelControls } from './officer/LevelControls.tsx';
import { TasksPage } from './officer/TasksPage.tsx';
import { lang, setLang, t, type Key } from './ui/i18n.ts';

export interface Page { key: Key; path: string; allowed: (s: Session) => boolean }

/** The pages each role sees; the API refuses (403) whatever a role may not do, whatever the page shows. */
export const PAGES: Page[] = [
  { key: 'board', path: '#/board', allowed: () => true },
  { key: 'wall', path: '#/wall', allowed: () => true },
  { key: 'attention', path: '#/attention', allowed: (s) => can.act(s) || can.preview(s) },
  { key: 'tasks', path: '#/tasks', allowed: (s) => can.act(s) || can.preview(s) },
  { key: 'cases', path: '#/cases', allowed: (s) => can.act(s) || can.preview(s) },
  { key: 'log', path: '#/log', allowed: (s) => can.readLog(s) },
  { key: 'activations', path: '#/activations', allowed: (s) => can.preview(s) },
  { key: 'report', path: '#/report', allowed: (s) => can.preview(s) },
  { key: 'registry', path: '#/registry', allowed: (s) => can.administer(s) },
];

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/board');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/board');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function Signed({ config, session, onSignOut }: { config: ConsoleConfig; session: Session; onSignOut: () => void }) {
  const api = useMemo(() => new ApiClient(config.apiBase, () => session.token, onSignOut), [config, session]);
  const pollMs = Math.min(config.pollMs ?? 15_000, 15_000);
  const polled = useBoard(api, pollMs);
  const hash = useHash();
  const [route, query] = hash.split('?') as [string, string | undefined];
  const pages = PAGES.filter((p) => p.allowed(session));
  const data = polled.data;
  const timeZone = data?.board.timeZone ?? 'UTC';
  // A link such as #/activate?level=II opens the activation's confirmation; the API decides who may confirm.
  const deepLevel = route === '#/activate' ? (new URLSearchParams(query).get('level') as ActiveLevel | null) ?? 'IV' : undefined;
  const page = pages.find((p) => p.path === route) ?? pages[0]!;
  if (page.key === 'wall' && !deepLevel) return <main class="wall-main"><BoardPage api={api} polled={polled} wall /></main>;
  return (
    <>
      <a class="sr-only" href="#main">{t('skip')}</a>
      <header class="top">
        <span class="brand">snowops · {t('title')}</span>
        <nav aria-label="snowops">
          <ul>{pages.map((p) => <li key={p.key}><a href={p.path} aria-current={p === page && !deepLevel ? 'page' : undefined}>{t(p.key)}</a></li>)}</ul>
        </nav>
        <span class="who" data-user>{session.username} ({session.roles.join(', ')}){can.act(session) || can.administer(session) ? '' : ` · ${t('readOnly')}`}</span>
        <button type="button" class="link" onClick={() => setLang(lang.get() === 'en' ? 'zh-CN' : 'en')}>{t('lang')}</button>
        <button type="button" class="link" onClick={() => { onSignOut(); if (config.auth.kind === 'oidc') endOidcSession(config.auth); }}>{t('signOut')}</button>
      </header>
      <main id="main">
        {(page.key === 'board' || deepLevel) && (
          <BoardPage api={api} polled={polled}>
            {data && (can.preview(session) || deepLevel) && (
              <LevelControls api={api} board={data.board} map={data.map} refresh={polled.refresh} canPreview={can.preview(session)} canAct={can.act(session)}
                initial={deepLevel ? { act: 'activate', level: deepLevel } : undefined} />
            )}
            {data && can.act(session) && <AttentionList api={api} pollMs={pollMs} timeZone={timeZone} canAct onChanged={polled.refresh} />}
          </BoardPage>
        )}
        {page.key === 'attention' && !deepLevel && <AttentionList api={api} pollMs={pollMs} timeZone={timeZone} canAct={can.act(session)} onChanged={polled.refresh} />}
        {page.key === 'tasks' && !deepLevel && <TasksPage api={api} pollMs={pollMs} timeZone={timeZone} canAct={can.act(session)} />}
        {page.key === 'cases' && !deepLevel && <CitizenCasesPage api={api} pollMs={pollMs} timeZone={timeZone} canAct={can.act(session)} />}
        {page.key === 'log' && !deepLevel && <LogPage api={api} pollMs={pollMs} timeZone={timeZone} />}
        {page.key === 'activations' && !deepLevel && <ActivationsPage api={api} pollMs={pollMs} timeZone={timeZone} />}
        {page.key === 'report' && !deepLevel && <ReportPage api={api} pollMs={pollMs} />}
        {page.key === 'registry' && !deepLevel && <><CsvImport api={api} /><RegistryTables api={api} pollMs={pollMs} /></>}
      </main>
    </>
  );
}

export function App({ config, initial, failure }: { config: ConsoleConfig; initial?: Session; failure?: string }) {
  const [session, setSession] = useState<Session | undefined>(initial);
  lang.use();
  if (!session) return <SignIn config={config} onSession={setSession} failure={failure} />;
  return <Signed config={config} session={session} onSignOut={() => setSession(undefined)} />;
}
