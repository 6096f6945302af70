import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, inject, vi } from 'vitest';
import { apiGatewayEvent } from '../../../local/api/apiGatewayEvent.ts';
import { lambdaContext } from '../../../local/api/lambdaContext.ts';
import { seededDemoCity } from '../../support/demoCity.ts';

const execFileAsync = promisify(execFile);

/** An event as API Gateway passes it on after its JWT authorizer accepted a Cognito token. */
function authorised(method: string, url: string, groups: string) {
  const event = apiGatewayEvent({ method, url, headers: {} });
  (event.requestContext as unknown as Record<string, unknown>).authorizer = { jwt: { claims: { 'cognito:username': 'officer-li', 'cognito:groups': groups }, scopes: null } };
  return event;
}

describe('the deployed entry point functions/handlers/api.ts', () => {
  it('builds its dependencies from the environment and reads the caller from the authorizer claims', async () => {
    const { tables } = await seededDemoCity();
    vi.stubEnv('REGISTRY_TABLE', tables.names.REGISTRY_TABLE);
    vi.stubEnv('OPERATIONS_TABLE', tables.names.OPERATIONS_TABLE);
    vi.stubEnv('LOG_TABLE', tables.names.LOG_TABLE);
    vi.stubEnv('IDEMPOTENCY_TABLE', tables.names.IDEMPOTENCY_TABLE);
    vi.stubEnv('CITIZEN_TABLE', tables.names.CITIZEN_TABLE);
    vi.stubEnv('DISPATCH_QUEUE_URL', 'https://sqs.local/dispatch');
    vi.stubEnv('PLANNING_QUEUE_URL', 'https://sqs.local/planning');
    vi.stubEnv('SMS_PARTS_PER_SECOND', '1');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', inject('dynamoEndpoint'));
    vi.stubEnv('AWS_REGION', 'local');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'ERROR');
    const { handler } = await import('../../../functions/handlers/api.ts');
    const status = await handler(authorised('GET', '/status', '[manager]'), lambdaContext('req-1'));
    expect(status.statusCode).toBe(200);
    expect(JSON.parse(status.body!).city).toBe('焦作市');
    const refused = await handler(authorised('POST', '/activations', '[manager]'), lambdaContext('req-2'));
    expect(refused.statusCode).toBe(403);
    const noClaims = await handler(apiGatewayEvent({ method: 'GET', url: '/status', headers: { authorization: 'Bearer forged' } }), lambdaContext('req-3'));
    expect(noClaims.statusCode).toBe(401);
    vi.unstubAllEnvs();
  });

  it('fails at load naming the variable that is missing', async () => {
    // A Lambda container loads the entry once: a process of its own, as Lambda starts one (this worker's modules
    // are shared with other test files and already hold the entry).
    const entry = fileURLToPath(new URL('../../../functions/handlers/api.ts', import.meta.url));
    const env = { PATH: process.env.PATH ?? '', AWS_REGION: 'local', REGISTRY_TABLE: '', OPERATIONS_TABLE: 'ops', LOG_TABLE: 'log', IDEMPOTENCY_TABLE: 'idem', CITIZEN_TABLE: 'citizen', SMS_PARTS_PER_SECOND: '1' };

    const load = execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(entry).href)});`], { env, encoding: 'utf8' });

    await expect(load).rejects.toMatchObject({ stderr: expect.stringMatching(/REGISTRY_TABLE/) });
  });
});
