import { describe, expect, it, inject, vi } from 'vitest';
import { lambdaContext } from '../../../local/api/lambdaContext.ts';
import { restApiEvent } from '../../../local/api/restApiEvent.ts';
import { PUBLIC_STAGE_NAME } from '../../../lib/api/PublicApi.ts';
import { seededDemoCity } from '../../support/demoCity.ts';

describe('the deployed entry point functions/handlers/publicApi.ts, behind the citizens\' REST API', () => {
  it('takes the REST API\'s proxy event (payload 1.0) and links back to the API under its stage', async () => {
    const { tables } = await seededDemoCity();
    for (const name of ['REGISTRY_TABLE', 'OPERATIONS_TABLE', 'LOG_TABLE', 'IDEMPOTENCY_TABLE', 'CITIZEN_TABLE'] as const) vi.stubEnv(name, tables.names[name]);
    vi.stubEnv('PHOTO_BUCKET', 'snowops-photos-test');
    vi.stubEnv('SMS_PARTS_PER_SECOND', '1');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', inject('dynamoEndpoint'));
    vi.stubEnv('AWS_REGION', 'local');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'ERROR');
    const { handler } = await import('../../../functions/handlers/publicApi.ts');
    const host = 'abc123.execute-api.eu-west-1.amazonaws.com';
    const call = (url: string, resource: string) => {
      const event = restApiEvent({ method: 'GET', url, resource, headers: { Host: host, 'X-Forwarded-Proto': 'https' }, stage: PUBLIC_STAGE_NAME });
      return handler(event, lambdaContext(event.requestContext.requestId));
    };

    const services = await call('/open311/v2/services.json?lang=en', '/open311/v2/services.json');
    const discovery = await call('/open311/discovery.json', '/open311/discovery.json');
    const officers = await call('/status', '/status');

    expect(services.statusCode).toBe(200);
    expect(JSON.parse(services.body)[0].service_code).toBe('icy-road');
    expect(JSON.parse(discovery.body).endpoints[0].url).toBe(`https://${host}/${PUBLIC_STAGE_NAME}/open311/v2`);
    expect(officers.statusCode).toBe(401);
    vi.unstubAllEnvs();
  });
});
