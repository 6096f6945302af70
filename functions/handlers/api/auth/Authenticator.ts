import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from './Principal.ts';

/**
 * Turns a request into the caller. Deployed, API Gateway's JWT authorizer has verified the Cognito
 * token and this reads its claims; locally, the token is verified here. Throws ProblemError 401.
 */
export interface Authenticator {
  authenticate(event: APIGatewayProxyEventV2): Promise<Principal>;
}
