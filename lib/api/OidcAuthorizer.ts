import { Duration } from 'aws-cdk-lib';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { Construct } from 'constructs';
import type { DeployConfig } from '../config/deployConfigSchema.ts';
import type { Stage } from '../config/Stage.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';

export type OidcSignIn = Extract<DeployConfig['auth'], { kind: 'oidc' }>;

export interface OidcAuthorizerProps {
  stage: Stage;
  signIn: OidcSignIn;
}

/**
 * Sign-in through the city's own OpenID Connect provider, where there is no Cognito: an HTTP API Lambda authorizer
 * (functions/handlers/oidcAuthorizer.ts) verifies each bearer JWT against the provider's JWKS, issuer and audience,
 * and hands the API Lambda the user and the snowops roles their groups map to. A Lambda authorizer and not API
 * Gateway's JWT authorizer, because the China regions document Lambda authorizers (with the account's ICP licence)
 * and say nothing of JWT authorizers, and because it reads groups from any claim through the configured mapping.
 */
export class OidcAuthorizer extends Construct {
  readonly function: SnowopsFunction;
  readonly authorizer: HttpLambdaAuthorizer;

  constructor(scope: Construct, id: string, props: OidcAuthorizerProps) {
    super(scope, id);
    const { signIn } = props;
    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'oidcAuthorizer.ts',
      description: 'Verifies the city identity provider\'s JWTs for the HTTP API (issuer, audience, JWKS) and maps their groups to snowops roles',
      stage: props.stage,
      timeout: Duration.seconds(10),
      memorySize: 256,
      environment: {
        OIDC_ISSUER: signIn.issuer,
        OIDC_AUDIENCE: signIn.audience,
        OIDC_JWKS_URL: signIn.jwksUrl,
        OIDC_ROLES_CLAIM: signIn.rolesClaim,
        OIDC_USERNAME_CLAIM: signIn.usernameClaim,
        OIDC_ROLE_MAPPING: JSON.stringify(signIn.roleMapping),
      },
    });
    this.authorizer = new HttpLambdaAuthorizer('Oidc', this.function, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      // A verdict is reused for a minute per token: an expired token is refused at most a minute late.
      resultsCacheTtl: Duration.minutes(1),
    });
  }
}
