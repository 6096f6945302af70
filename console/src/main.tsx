import { render } from 'preact';
import { App } from './App.tsx';
import { finishOidcSignIn } from './auth/oidcSignIn.ts';
import type { Session } from './auth/Session.ts';
import { loadConfig } from './config.ts';
import { lang } from './ui/i18n.ts';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  document.documentElement.lang = lang.get();
  const config = await loadConfig();
  let session: Session | undefined;
  let failure: string | undefined;
  if (config.auth.kind === 'oidc') {
    try {
      session = await finishOidcSignIn(config.auth);
    } catch (error) {
      failure = (error as Error).message;
    }
  }
  root.textContent = '';
  render(<App config={config} initial={session} failure={failure} />, root);
}

start().catch((error: Error) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `snowops console: ${error.message}`;
  document.getElementById('app')!.replaceChildren(p);
});
