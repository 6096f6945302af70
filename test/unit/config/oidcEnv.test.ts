import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../functions/config/env.ts';
import { oidcAuthorizerEnvSchema } from '../../../functions/config/oidcEnv.ts';

const BASE = { OIDC_ISSUER: 'https://sso.city.example/realms/cg', OIDC_AUDIENCE: 'snowops', OIDC_JWKS_URL: 'https://sso.city.example/realms/cg/certs' };

describe('the OIDC authorizer\'s environment', () => {
  it('reads the group mapping and defaults the claims to groups and preferred_username', () => {
    const env = parseEnv(oidcAuthorizerEnvSchema, { ...BASE, OIDC_ROLE_MAPPING: '{"值班员":"duty-officer"}' });

    expect(env).toMatchObject({ OIDC_ROLE_MAPPING: { 值班员: 'duty-officer' }, OIDC_ROLES_CLAIM: 'groups', OIDC_USERNAME_CLAIM: 'preferred_username' });
  });

  it('names the variable and the group when a group maps to a role snowops does not have', () => {
    const parse = () => parseEnv(oidcAuthorizerEnvSchema, { ...BASE, OIDC_ROLE_MAPPING: '{"ops":"superuser"}' });

    expect(parse).toThrow(/OIDC_ROLE_MAPPING: must map each group to one of duty-officer, manager, admin; not: ops/);
  });

  it('refuses an empty mapping, which would let everyone in with no role', () => {
    const parse = () => parseEnv(oidcAuthorizerEnvSchema, { ...BASE, OIDC_ROLE_MAPPING: '{}' });

    expect(parse).toThrow(/OIDC_ROLE_MAPPING: must map each group/);
  });

  it('names a missing issuer', () => {
    const parse = () => parseEnv(oidcAuthorizerEnvSchema, { ...BASE, OIDC_ISSUER: undefined, OIDC_ROLE_MAPPING: '{"a":"admin"}' });

    expect(parse).toThrow(/OIDC_ISSUER/);
  });
});
