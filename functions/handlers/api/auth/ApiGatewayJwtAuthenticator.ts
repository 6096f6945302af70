import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from '../http/ProblemError.ts';
import type { Authenticator } from './Authenticator.ts';
import type { Principal } from './Principal.ts';
import { principalFromClaims } from './principalFromClaims.ts';

/** Deployed: API Gateway's JWT authorizer verified the Cognito token; its claims ride on the event. */
export class ApiGatewayJwtAuthenticator implements Authenticator {
  async authenticate(event: APIGatewayProxyEventV2): Promise<Principal> {
    const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
    // Without claims the route was not behind the authorizer: refuse rather than trust the caller.
    if (!claims) throw new ProblemError(401, 'unauthenticated', 'Unauthenticated', 'this route needs a bearer token from the snowops user pool (Authorization: Bearer <token>)', {}, { 'WWW-Authenticate': 'Bearer' });
    return principalFromClaims(claims);
  }
}
