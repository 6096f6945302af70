import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import type { Principal } from '../api/auth/Principal.ts';

/** What the API Lambda reads back from `requestContext.authorizer.lambda` (ApiGatewayJwtAuthenticator). */
export interface AuthorizerContext {
  [key: string]: string;
  username: string;
  /** Comma-separated snowops roles: API Gateway passes only flat values through. */
  roles: string;
}

export interface BearerVerifier {
  /** The caller, or an error: InvalidTokenError for a bad token, anything else when the provider cannot be reached. */
  verify(token: string): Promise<Principal>;
}

export type DenyLogger = (reason: string) => void;

/**
 * An HTTP API Lambda authorizer (simple responses): the bearer token of the Authorization header, verified by
 * `verifier`. A bad token is denied (API Gateway answers 403); a failure to reach the identity provider is thrown
 * (API Gateway answers 500), so an outage is not mistaken for a wrong password. Roles are checked per route by the
 * API Lambda, which answers 403 with a sentence when the caller has none.
 */
export function authorizeBearer(verifier: BearerVerifier, isTokenError: (error: unknown) => boolean, logDenied: DenyLogger) {
  return async (event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext | Record<string, never>>> => {
    const header = event.headers?.authorization ?? event.headers?.Authorization ?? event.identitySource?.[0] ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) {
      logDenied('the Authorization header is not "Bearer <token>"');
      return { isAuthorized: false, context: {} };
    }
    try {
      const principal = await verifier.verify(match[1]!);
      return { isAuthorized: true, context: { username: principal.username, roles: principal.roles.join(',') } };
    } catch (error) {
      if (!isTokenError(error)) throw error;
      logDenied((error as Error).message);
      return { isAuthorized: false, context: {} };
    }
  };
}
