import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Authenticator } from '../../functions/handlers/api/auth/Authenticator.ts';
import type { Principal, Role } from '../../functions/handlers/api/auth/Principal.ts';
import { principalFromClaims } from '../../functions/handlers/api/auth/principalFromClaims.ts';
import { ProblemError } from '../../functions/handlers/api/http/ProblemError.ts';

const ISSUER = 'snowops-local';

function unauthenticated(detail: string, error = 'invalid_token'): ProblemError {
  return new ProblemError(401, 'unauthenticated', 'Unauthenticated', detail, {}, { 'WWW-Authenticate': `Bearer error="${error}"` });
}

/**
 * Local stand-in for the Cognito user pool and API Gateway's JWT authorizer: issues HS256 tokens with
 * the same claims (cognito:username, cognito:groups) and verifies them on each request.
 */
export class LocalJwtAuthenticator implements Authenticator {
  private readonly key: Uint8Array;

  constructor(secret: string | Uint8Array = randomBytes(32)) {
    this.key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  }

  /** A token for a user in the given groups, valid for `ttlSeconds` (12 hours by default). */
  issue(username: string, groups: readonly Role[] | readonly string[], ttlSeconds = 12 * 3600): Promise<string> {
    return new SignJWT({ 'cognito:username': username, 'cognito:groups': [...groups], token_use: 'access' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(username)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  async authenticate(event: APIGatewayProxyEventV2): Promise<Principal> {
    const header = event.headers.authorization ?? event.headers.Authorization;
    if (!header) throw unauthenticated('this route needs a bearer token: send Authorization: Bearer <token> (npm run serve prints one per group)', 'invalid_request');
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('the Authorization header must read "Bearer <token>"', 'invalid_request');
    try {
      const { payload } = await jwtVerify(match[1]!, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      return principalFromClaims(payload as Record<string, unknown>);
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired; get a new one (npm run serve prints fresh tokens)');
      throw unauthenticated('the token is not one this server issued (bad signature or format); use a token printed by this server');
    }
  }
}
