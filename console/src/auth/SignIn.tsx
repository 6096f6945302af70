import { useState } from 'preact/hooks';
import type { ConsoleConfig } from '../config.ts';
import { t, type Key } from '../ui/i18n.ts';
import { beginOidcSignIn } from './oidcSignIn.ts';
import { localSignIn } from './localSignIn.ts';
import type { Role, Session } from './Session.ts';

const DEMO: [Role, Key][] = [['duty-officer', 'officer'], ['manager', 'manager'], ['admin', 'admin']];

/** Locally: pick a demo role. Deployed: off to the issuer's hosted sign-in page (code + PKCE). */
export function SignIn({ config, onSession, failure }: { config: ConsoleConfig; onSession: (s: Session) => void; failure?: string }) {
  const [error, setError] = useState(failure);
  const auth = config.auth;
  return (
    <main class="sign-in">
      <h1>snowops · {t('title')}</h1>
      {auth.kind === 'local' ? (
        <>
          <h2>{t('signInAs')}</h2>
          <ul class="roles">
            {DEMO.map(([role, key]) => (
              <li key={role}>
                <button type="button" data-role={role} onClick={() => localSignIn(auth.signInUrl, role).then(onSession, (e: Error) => setError(e.message))}>{t(key)}</button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <button type="button" onClick={() => void beginOidcSignIn(auth)}>{t('signInHosted')}</button>
      )}
      {error && <p role="alert" class="error">{error}</p>}
    </main>
  );
}
