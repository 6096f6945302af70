import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTokenError, OidcTokenVerifier, type OidcSettings } from '../../../functions/adapters/auth/OidcTokenVerifier.ts';
import { ApiGatewayJwtAuthenticator } from '../../../functions/handlers/api/auth/ApiGatewayJwtAuthenticator.ts';
import { authorizeBearer } from '../../../functions/handlers/authorizer/authorizeBearer.ts';

const ISSUER = 'https://idp.city.example/realms/chengguan';
const AUDIENCE = 'snowops-api';

interface LocalIdp {
  jwksUrl: string;
  requests: number;
  sign(claims: JWTPayload, options?: { key?: CryptoKey; kid?: string; expiresIn?: string; issuer?: string; audience?: string; alg?: string }): Promise<string>;
  close(): Promise<void>;
}

/** A city identity provider on this machine: RS256 keys made here, its JWKS served over real HTTP on localhost. */
async function startLocalIdp(): Promise<LocalIdp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'city-key-1', alg: 'RS256', use: 'sig' };
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    if (req.url !== '/protocol/openid-connect/certs') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/protocol/openid-connect/certs`;
  return {
    jwksUrl,
    get requests() { return requests; },
    sign: (claims, options = {}) => new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'city-key-1' })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setSubject('3f1c9a')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let idp: LocalIdp;
let settings: OidcSettings;

beforeAll(async () => {
  idp = await startLocalIdp();
  settings = {
    issuer: ISSUER, audience: AUDIENCE, jwksUrl: idp.jwksUrl, rolesClaim: 'realm_access.roles', usernameClaim: 'preferred_username',
    roleMapping: { 值班员: 'duty-officer', 'snow-managers': 'manager' },
  };
});
afterAll(() => idp.close());

function event(authorization: string | undefined): APIGatewayRequestAuthorizerEventV2 {
  return { headers: authorization ? { authorization } : {}, identitySource: authorization ? [authorization] : [] } as unknown as APIGatewayRequestAuthorizerEventV2;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidTokenError);
  return (error as Error).message;
}

describe('OidcTokenVerifier with keys made here and a JWKS served on localhost', () => {
  it('accepts the city provider\'s token and maps its groups to snowops roles through the configured mapping', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei', realm_access: { roles: ['值班员', 'snow-managers', 'offline_access'] } });

    const principal = await new OidcTokenVerifier(settings).verify(token);

    expect(principal).toEqual({ username: 'zhang.wei', roles: ['duty-officer', 'manager'] });
  });

  it('grants no role for a directory group the mapping does not name, even one called admin', async () => {
    const token = await idp.sign({ preferred_username: 'li.na', realm_access: { roles: ['admin'] } });

    const principal = await new OidcTokenVerifier(settings).verify(token);

    expect(principal.roles).toEqual([]);
  });

  it('refuses a token for another audience', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei' }, { audience: 'another-app' });

    expect(await refusal(new OidcTokenVerifier(settings).verify(token))).toMatch(/aud claim/);
  });

  it('refuses a token from another issuer', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei' }, { issuer: 'https://evil.example' });

    expect(await refusal(new OidcTokenVerifier(settings).verify(token))).toMatch(/iss claim/);
  });

  it('refuses an expired token', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei' }, { expiresIn: '-5min' });

    expect(await refusal(new OidcTokenVerifier(settings).verify(token))).toBe('the token has expired');
  });

  it('refuses a token signed by a key the provider does not publish under the same key id', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const token = await idp.sign({ preferred_username: 'zhang.wei' }, { key: stranger });

    expect(await refusal(new OidcTokenVerifier(settings).verify(token))).toBe('the token\'s signature does not verify');
  });

  it('refuses a token signed with a shared secret (HS256), which anyone holding the client secret could mint', async () => {
    const token = await new SignJWT({ preferred_username: 'zhang.wei' }).setProtectedHeader({ alg: 'HS256', kid: 'city-key-1' })
      .setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode('a-client-secret-of-32-characters'));

    expect(await refusal(new OidcTokenVerifier(settings).verify(token))).toMatch(/algorithm/);
  });

  it('throws something other than a token refusal when the key set cannot be fetched', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei' });
    const verifier = new OidcTokenVerifier({ ...settings, jwksUrl: `${idp.jwksUrl}-moved` });

    const error = await verifier.verify(token).then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InvalidTokenError);
  });
});

describe('the OIDC Lambda authorizer and the API reading its answer', () => {
  const denied: string[] = [];
  const authorize = () => authorizeBearer(new OidcTokenVerifier(settings), (e) => e instanceof InvalidTokenError, (reason) => denied.push(reason));

  it('authorizes a valid bearer token, and the API Lambda reads the same user and roles from the authorizer context', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei', realm_access: { roles: ['值班员'] } });

    const answer = await authorize()(event(`Bearer ${token}`));
    const principal = await new ApiGatewayJwtAuthenticator().authenticate({ requestContext: { authorizer: { lambda: answer.context } } } as never);

    expect(answer.isAuthorized).toBe(true);
    expect(principal).toEqual({ username: 'zhang.wei', roles: ['duty-officer'] });
  });

  it('denies a request whose Authorization header is not a bearer token, and logs why', async () => {
    const answer = await authorize()(event('Basic emhhbmc6d2Vp'));

    expect(answer.isAuthorized).toBe(false);
    expect(denied.at(-1)).toMatch(/Bearer <token>/);
  });

  it('denies an expired token and logs the reason', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei' }, { expiresIn: '-1h' });

    const answer = await authorize()(event(`Bearer ${token}`));

    expect(answer).toEqual({ isAuthorized: false, context: {} });
    expect(denied.at(-1)).toBe('the token has expired');
  });

  it('fails (API Gateway answers 500) rather than deny when the identity provider cannot be reached', async () => {
    const token = await idp.sign({ preferred_username: 'zhang.wei' });
    const unreachable = authorizeBearer(new OidcTokenVerifier({ ...settings, jwksUrl: 'http://127.0.0.1:9/certs' }), (e) => e instanceof InvalidTokenError, () => undefined);

    await expect(unreachable(event(`Bearer ${token}`))).rejects.toThrow();
  });
});
