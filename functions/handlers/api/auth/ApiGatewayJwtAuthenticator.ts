import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from '../http/ProblemError.ts';
import type { Authenticator } from './Authenticator.ts';
import { ROLES, type Principal, type Role } from './Principal.ts';
import { principalFromClaims } from './principalFromClaims.ts';

interface Authorizers {
  /** API Gateway's JWT authorizer (Cognito): the token's claims. */
  jwt?: { claims?: Record<string, unknown> };
  /** The OIDC Lambda authorizer (functions/handlers/oidcAuthorizer.ts): its context, { username, roles }. */
  lambda?: { username?: unknown; roles?: unknown };
}

/**
 * Deployed: an API Gateway authorizer verified the caller's JWT before the Lambda runs: the JWT authorizer on
 * the Cognito pool (claims ride on the event), or the OIDC Lambda authorizer where there is no Cognito (its
 * context names the user and the roles their groups map to).
 */
export class ApiGatewayJwtAuthenticator implements Authenticator {
  async authenticate(event: APIGatewayProxyEventV2): Promise<Principal> {
    const authorizer = (event.requestContext as { authorizer?: Authorizers }).authorizer;
    if (authorizer?.jwt?.claims) return principalFromClaims(authorizer.jwt.claims);
    const context = authorizer?.lambda;
    if (context && typeof context.username === 'string' && context.username.length > 0) {
      const roles = typeof context.roles === 'string' ? context.roles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r)) : [];
      return { username: context.username, roles };
    }
    // Without either the route was not behind an authorizer: refuse rather than trust the caller.
    throw new ProblemError(401, 'unauthenticated', 'Unauthenticated', 'this route needs a bearer token from the stage\'s identity provider (Authorization: Bearer <token>)', {}, { 'WWW-Authenticate': 'Bearer' });
  }
}
