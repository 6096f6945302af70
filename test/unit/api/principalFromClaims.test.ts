import { describe, expect, it } from 'vitest';
import { ApiGatewayJwtAuthenticator } from '../../../functions/handlers/api/auth/ApiGatewayJwtAuthenticator.ts';
import { principalFromClaims } from '../../../functions/handlers/api/auth/principalFromClaims.ts';
import { ProblemError } from '../../../functions/handlers/api/http/ProblemError.ts';
import { apiGatewayEvent } from '../../../local/api/apiGatewayEvent.ts';

describe('principalFromClaims', () => {
  it('reads groups as API Gateway flattens a Cognito array: "[duty-officer manager]"', () => {
    expect(principalFromClaims({ 'cognito:username': 'li', 'cognito:groups': '[duty-officer manager]' })).toEqual({ username: 'li', roles: ['duty-officer', 'manager'] });
  });

  it('reads groups given as a JSON array', () => {
    expect(principalFromClaims({ username: 'wu', 'cognito:groups': ['admin'] }).roles).toEqual(['admin']);
  });

  it('drops groups that are not snowops roles', () => {
    expect(principalFromClaims({ sub: 'x', 'cognito:groups': '[finance admin]' }).roles).toEqual(['admin']);
  });

  it('answers 401 for claims that name no user', () => {
    expect(() => principalFromClaims({ 'cognito:groups': '[admin]' })).toThrow(ProblemError);
  });
});

describe('ApiGatewayJwtAuthenticator', () => {
  it('takes the caller from the authorizer claims on the event', async () => {
    const event = apiGatewayEvent({ method: 'GET', url: '/status', headers: {} });
    (event.requestContext as unknown as Record<string, unknown>).authorizer = { jwt: { claims: { 'cognito:username': 'officer-li', 'cognito:groups': '[duty-officer]' }, scopes: null } };
    expect(await new ApiGatewayJwtAuthenticator().authenticate(event)).toEqual({ username: 'officer-li', roles: ['duty-officer'] });
  });

  it('refuses with 401 an event that did not pass the authorizer', async () => {
    const event = apiGatewayEvent({ method: 'GET', url: '/status', headers: { authorization: 'Bearer forged' } });
    await expect(new ApiGatewayJwtAuthenticator().authenticate(event)).rejects.toMatchObject({ status: 401 });
  });
});
