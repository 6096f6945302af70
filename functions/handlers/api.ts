import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../adapters/dynamo/documentClient.ts';
import { DynamoRegistryStore } from '../adapters/dynamo/DynamoRegistryStore.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { parseEnv } from '../config/env.ts';
import { apiEnvSchema } from '../config/lambdaEnv.ts';
import { METRIC } from '../config/metrics.ts';
import type { DeadLetter } from '../core/ports/DeadLetterQueue.ts';
import { ApiGatewayJwtAuthenticator } from './api/auth/ApiGatewayJwtAuthenticator.ts';
import { createApiHandler } from './api/createApiHandler.ts';
import { PowertoolsIdempotencyGuard } from './api/idempotency/PowertoolsIdempotencyGuard.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildMessaging } from './context/buildMessaging.ts';

const env = parseEnv(apiEnvSchema);
const telemetry = new Telemetry('api');
// An officer's activation dispatches the first wave: SMS that exhaust their retries are logged (sms.dead-lettered) and counted.
const deadLetters = { send: async (letter: DeadLetter) => { telemetry.count(METRIC.smsDeadLettered); telemetry.logger.error('tasking SMS dead-lettered', { ...letter }); } };
const core = { ...buildCoreDeps(env, telemetry), ...buildMessaging(env, deadLetters, telemetry) };
const registryWrites = new DynamoRegistryStore(telemetry.tracer.captureAWSv3Client(documentClient()), env.REGISTRY_TABLE);

/** HTTP API (API Gateway v2, JWT authorizer on the Cognito user pool) -> every route of the API. */
export const handler = createApiHandler({
  deps: { ...core, registryAdmin: registryWrites, registryImport: registryWrites },
  authenticator: new ApiGatewayJwtAuthenticator(),
  idempotency: new PowertoolsIdempotencyGuard({ tableName: env.IDEMPOTENCY_TABLE, client: telemetry.tracer.captureAWSv3Client(new DynamoDBClient({})) }),
  logger: telemetry.logger,
  middlewares: telemetry.middlewares(),
});
