import type { AuthConfig } from '../config.ts';
import { sessionFromToken, type Session } from './Session.ts';

type Oidc = Extract<AuthConfig, { kind: 'oidc' }>;

// Only the PKCE verifier and state wait out the redirect, in sessionStorage (they are not tokens and
// are useless once the code is spent); the tokens themselves stay in memory.
const PENDING = 'snowops.pkce';

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

/** Sends the browser to the issuer's sign-in page (authorization code flow with PKCE, S256). */
export async function beginOidcSignIn(auth: Oidc): Promise<void> {
  const verifier = randomText(48);
  const state = randomText(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(auth.authorizationEndpoint);
  url.search = new URLSearchParams({ response_type: 'code', client_id: auth.clientId, redirect_uri: redirectUri(), scope: auth.scope, state, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
  location.assign(url.toString());
}

/** On the way back from the issuer: trades the code for tokens; undefined when this page load is not a return. */
export async function finishOidcSignIn(auth: Oidc): Promise<Session | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri() + location.hash);
  if (!pending || pending.state !== params.get('state')) throw new Error('the sign-in answer does not match the request this page sent; sign in again');
  const res = await fetch(auth.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: auth.clientId, code_verifier: pending.verifier }).toString(),
  });
  if (!res.ok) throw new Error(`the issuer refused the sign-in code (${res.status}); sign in again`);
  const tokens = (await res.json()) as { access_token: string };
  return sessionFromToken(tokens.access_token);
}

/** Ends the issuer's session too (Cognito's /logout), so the next sign-in asks again; back to this page after. */
export function endOidcSession(auth: Oidc): void {
  if (!auth.logoutEndpoint) return;
  const url = new URL(auth.logoutEndpoint);
  url.search = new URLSearchParams({ client_id: auth.clientId, logout_uri: redirectUri() }).toString();
  location.assign(url.toString());
}
