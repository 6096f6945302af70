import { sessionFromToken, type Role, type Session } from './Session.ts';

/** The local runtime's stand-in for the hosted UI: it mints a token for a demo role. */
export async function localSignIn(signInUrl: string, role: Role): Promise<Session> {
  const res = await fetch(signInUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return sessionFromToken(token);
}
