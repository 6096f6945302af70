import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { InvalidTokenError, OidcTokenVerifier } from '../adapters/auth/OidcTokenVerifier.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { parseEnv } from '../config/env.ts';
import { oidcAuthorizerEnvSchema } from '../config/oidcEnv.ts';
import { authorizeBearer } from './authorizer/authorizeBearer.ts';

const env = parseEnv(oidcAuthorizerEnvSchema);
const telemetry = new Telemetry('oidc-authorizer');
const verifier = new OidcTokenVerifier({
  issuer: env.OIDC_ISSUER,
  audience: env.OIDC_AUDIENCE,
  jwksUrl: env.OIDC_JWKS_URL,
  rolesClaim: env.OIDC_ROLES_CLAIM,
  usernameClaim: env.OIDC_USERNAME_CLAIM,
  roleMapping: env.OIDC_ROLE_MAPPING,
});

/** The API's Lambda authorizer where there is no Cognito (the China stage): the city's own OIDC provider's JWTs. */
export const handler = middy<APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult<Record<string, string>>>()
  .use(telemetry.middlewares())
  .handler(authorizeBearer(verifier, (error) => error instanceof InvalidTokenError, (reason) => telemetry.logger.info('token refused', { reason })));
