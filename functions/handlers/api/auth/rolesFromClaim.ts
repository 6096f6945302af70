import { ROLES, type Role } from './Principal.ts';

/** What a city's identity provider calls a group, mapped to the snowops role it grants (config `auth.roleMapping`). */
export type RoleMapping = Readonly<Record<string, Role>>;

/** The value at a claim path such as `groups` or Keycloak's `realm_access.roles` (dots descend into objects). */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/** A claim's values: a JSON array, or a string of values separated by spaces or commas (as some IdPs send scopes and roles). */
function valuesOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The snowops roles a token grants: only values the mapping names count. A group of the city's directory that
 * happens to be called "admin" grants nothing unless the mapping says so, since the directory is not ours.
 */
export function rolesFromClaim(claims: Record<string, unknown>, claimPath: string, mapping: RoleMapping): Role[] {
  const roles = new Set<Role>();
  for (const value of valuesOf(claimAt(claims, claimPath))) {
    const role = Object.hasOwn(mapping, value) ? mapping[value] : undefined;
    if (role && (ROLES as readonly string[]).includes(role)) roles.add(role);
  }
  return ROLES.filter((role) => roles.has(role));
}
