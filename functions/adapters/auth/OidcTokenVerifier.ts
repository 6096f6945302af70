import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../../handlers/api/auth/Principal.ts';
import { claimAt, rolesFromClaim, type RoleMapping } from '../../handlers/api/auth/rolesFromClaim.ts';

export interface OidcSettings {
  /** The `iss` every token must carry, exactly as the identity provider writes it. */
  issuer: string;
  /** The `aud` (the snowops client id at the identity provider). */
  audience: string;
  /** Where the provider publishes its signing keys (its discovery document's `jwks_uri`). */
  jwksUrl: string;
  /** The claim holding the user's groups or roles, e.g. `groups` or `realm_access.roles`. */
  rolesClaim: string;
  roleMapping: RoleMapping;
  /** The claim naming the user in the response log; `sub` when the token has none. */
  usernameClaim: string;
}

/** The token is not one this API accepts: bad signature, wrong issuer or audience, expired, or malformed. The message says which. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

// Asymmetric algorithms only: a shared-secret (HS*) token could be minted by anyone holding the client secret, and `none` by anyone.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Verifies a city identity provider's OIDC JWT (signature against its JWKS, issuer, audience, expiry) with jose, and
 * reads who the caller is and which snowops roles their groups map to. The key set is fetched on first use and
 * cached; a token signed with a key not in the cache makes jose fetch the set again (at most every 30 s), so the
 * provider's key rotation needs no redeploy.
 */
export class OidcTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: OidcSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }

  async verify(token: string): Promise<Principal> {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        // Clocks of the provider and Lambda may differ by a few seconds.
        clockTolerance: 30,
      }));
    } catch (error) {
      const why = tokenFault(error);
      // Otherwise the key set could not be fetched or read: not the caller's fault, so not reported as a bad token.
      if (why === undefined) throw error;
      throw new InvalidTokenError(why);
    }
    const named = claimAt(claims, this.settings.usernameClaim);
    const username = typeof named === 'string' && named.length > 0 ? named : String(claims.sub);
    return { username, roles: rolesFromClaim(claims, this.settings.rolesClaim, this.settings.roleMapping) };
  }
}

/** Why the token itself is refused, or undefined when the error is not about the token. */
function tokenFault(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted (${error.reason})`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with a key the identity provider does not publish';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token\'s signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'the token is signed with an algorithm this API does not accept';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return `the token is not a signed JWT (${error.message})`;
  return undefined;
}
