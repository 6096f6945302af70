import { ProblemError } from '../http/ProblemError.ts';
import { ROLES, type Principal, type Role } from './Principal.ts';

/**
 * Groups as API Gateway hands them over: a JSON array from a local token, or the HTTP API's
 * flattened string "[duty-officer manager]" (or a comma list) from a Cognito token.
 */
function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim.replace(/^\[|\]$/g, '').split(/[\s,]+/).map((g) => g.replace(/^"|"$/g, '')).filter(Boolean);
}

/** The caller from verified JWT claims: username from cognito:username (or username, then sub), roles from cognito:groups. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const username = [claims['cognito:username'], claims.username, claims.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
  if (!username) throw new ProblemError(401, 'unauthenticated', 'Unauthenticated', 'the token names no user (no cognito:username, username or sub claim); sign in again', {}, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  const roles = groupsOf(claims['cognito:groups']).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  return { username, roles };
}
