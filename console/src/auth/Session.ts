export type Role = 'duty-officer' | 'manager' | 'admin';

/** Who is signed in. The token lives only here, in this page's memory: never in storage or a cookie. */
export interface Session {
  token: string;
  username: string;
  roles: Role[];
  expiresAt: number;
}

const ROLES: readonly Role[] = ['duty-officer', 'manager', 'admin'];

function claims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/**
 * What the console shows follows the token's groups (Cognito's cognito:groups, or an OIDC issuer's
 * groups claim); the API checks the signature and refuses (403) whatever the groups do not allow.
 */
export function sessionFromToken(token: string): Session {
  const c = claims(token);
  const groups = (Array.isArray(c['cognito:groups']) ? c['cognito:groups'] : Array.isArray(c.groups) ? c.groups : []) as unknown[];
  const username = String(c['cognito:username'] ?? c.preferred_username ?? c.username ?? c.sub ?? 'unknown');
  return { token, username, roles: ROLES.filter((r) => groups.includes(r)), expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : Date.now() + 3_600_000 };
}

export const can = {
  act: (s: Session) => s.roles.includes('duty-officer'),
  preview: (s: Session) => s.roles.includes('duty-officer') || s.roles.includes('manager'),
  readLog: (s: Session) => s.roles.length > 0,
  administer: (s: Session) => s.roles.includes('admin'),
};
