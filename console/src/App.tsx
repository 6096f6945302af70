import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './api/ApiClient.ts';
import { can, type Session } from './auth/Session.ts';
import { SignIn } from './auth/SignIn.tsx';
import { BoardPage } from './board/BoardPage.tsx';
import type { ConsoleConfig } from './config.ts';
import { lang, setLang, t, type Key } from './ui/i18n.ts';

export interface Page { key: Key; path: string; allowed: (s: Session) => boolean }

export const PAGES: Page[] = [
  { key: 'board', path: '#/board', allowed: () => true },
  { key: 'wall', path: '#/wall', allowed: () => true },
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

export function App({ config, initial, failure }: { config: ConsoleConfig; initial?: Session; failure?: string }) {
  const [session, setSession] = useState<Session | undefined>(initial);
  lang.use();
  const hash = useHash();
  const api = useMemo(() => new ApiClient(config.apiBase, () => session?.token ?? '', () => setSession(undefined)), [config, session]);
  if (!session) return <SignIn config={config} onSession={setSession} failure={failure} />;
  const route = hash.split('?')[0]!;
  const pollMs = Math.min(config.pollMs ?? 15_000, 15_000);
  const pages = PAGES.filter((p) => p.allowed(session));
  const page = pages.find((p) => p.path === route) ?? pages[0]!;
  if (page.key === 'wall') return <main class="wall-main"><BoardPage api={api} pollMs={pollMs} wall /></main>;
  return (
    <>
      <header class="top">
        <span class="brand">snowops · {t('title')}</span>
        <nav aria-label="snowops">
          <ul>{pages.map((p) => <li key={p.key}><a href={p.path} aria-current={p === page ? 'page' : undefined}>{t(p.key)}</a></li>)}</ul>
        </nav>
        <span class="who" data-user>{session.username} ({session.roles.join(', ')}){can.act(session) ? '' : ` · ${t('readOnly')}`}</span>
        <button type="button" class="link" onClick={() => setLang(lang.get() === 'en' ? 'zh-CN' : 'en')}>{t('lang')}</button>
        <button type="button" class="link" onClick={() => setSession(undefined)}>{t('signOut')}</button>
      </header>
      <main>
        {page.key === 'board' && <BoardPage api={api} pollMs={pollMs} />}
      </main>
    </>
  );
}
