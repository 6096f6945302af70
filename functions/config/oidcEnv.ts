import { ROLES, type Role } from '../handlers/api/auth/Principal.ts';
import * as z from './zod.ts';

/** JSON { "<the identity provider's group>": "<snowops role>" }; at least one entry. */
const roleMappingSchema = /* @__PURE__ */ (() => z.pipe(z.string(), z.transform((text, ctx) => {
  let mapping: unknown;
  try {
    mapping = JSON.parse(text);
  } catch {
    ctx.issues.push({ code: 'custom', input: text, message: 'must be a JSON object of groups to snowops roles' });
    return z.NEVER;
  }
  const entries = mapping !== null && typeof mapping === 'object' && !Array.isArray(mapping) ? Object.entries(mapping) : [];
  const bad = entries.filter(([, role]) => !(ROLES as readonly unknown[]).includes(role));
  if (entries.length === 0 || bad.length > 0) {
    ctx.issues.push({ code: 'custom', input: text, message: `must map each group to one of ${ROLES.join(', ')}${bad.length > 0 ? `; not: ${bad.map(([group]) => group).join(', ')}` : ''}` });
    return z.NEVER;
  }
  return Object.fromEntries(entries) as Record<string, Role>;
})))();

/** The OIDC Lambda authorizer (lib/api/OidcAuthorizer.ts sets these from config `auth`). */
export const oidcAuthorizerEnvSchema = /* @__PURE__ */ (() => z.object({
  OIDC_ISSUER: z.url(),
  OIDC_AUDIENCE: z.string().check(z.minLength(1)),
  OIDC_JWKS_URL: z.url(),
  OIDC_ROLES_CLAIM: z._default(z.string().check(z.minLength(1)), 'groups'),
  OIDC_USERNAME_CLAIM: z._default(z.string().check(z.minLength(1)), 'preferred_username'),
  OIDC_ROLE_MAPPING: roleMappingSchema,
}))();
