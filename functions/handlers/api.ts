import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../adapters/dynamo/documentClient.ts';
import { DynamoRegistryStore } from '../adapters/dynamo/DynamoRegistryStore.ts';
import { parseEnv } from '../config/env.ts';
import { apiEnvSchema } from '../config/lambdaEnv.ts';
import { ApiGatewayJwtAuthenticator } from './api/auth/ApiGatewayJwtAuthenticator.ts';
import { createApiHandler } from './api/createApiHandler.ts';
import { PowertoolsIdempotencyGuard } from './api/idempotency/PowertoolsIdempotencyGuard.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';

const env = parseEnv(apiEnvSchema);
const logger = new Logger({ serviceName: 'api' });
const core = buildCoreDeps(env);

/** HTTP API (API Gateway v2, JWT authorizer on the Cognito user pool) -> every route of the API. */
export const handler = createApiHandler({
  deps: { ...core, registryAdmin: new DynamoRegistryStore(documentClient(), env.REGISTRY_TABLE) },
  authenticator: new ApiGatewayJwtAuthenticator(),
  idempotency: new PowertoolsIdempotencyGuard({ tableName: env.IDEMPOTENCY_TABLE, client: new DynamoDBClient({}) }),
  logger,
  middlewares: [injectLambdaContext(logger)],
});
