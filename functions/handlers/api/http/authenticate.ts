import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Authenticator } from '../auth/Authenticator.ts';
import type { Principal } from '../auth/Principal.ts';

/** The Lambda context, carrying the caller once authenticated. */
export type ApiContext = Context & { principal?: Principal };

/**
 * Middy before: every request but the public ones must carry a valid token, before routing, so an
 * unknown path without a token is a 401 as it is behind API Gateway's authorizer.
 */
export function authenticate(authenticator: Authenticator, isPublic: (method: string, path: string) => boolean): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext> {
  return {
    before: async (request) => {
      const { method, path } = request.event.requestContext.http;
      if (isPublic(method, path)) return;
      request.context.principal = await authenticator.authenticate(request.event);
    },
  };
}
