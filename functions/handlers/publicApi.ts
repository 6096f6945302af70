import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../adapters/dynamo/documentClient.ts';
import { DynamoRegistryStore } from '../adapters/dynamo/DynamoRegistryStore.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { s3Client } from '../adapters/s3/s3Client.ts';
import { S3PhotoStore } from '../adapters/s3/S3PhotoStore.ts';
import { parseEnv } from '../config/env.ts';
import { publicApiEnvSchema } from '../config/lambdaEnv.ts';
import { ApiGatewayJwtAuthenticator } from './api/auth/ApiGatewayJwtAuthenticator.ts';
import { createApiHandler } from './api/createApiHandler.ts';
import { dynamoIdempotencyStore } from '../adapters/idempotency/dynamoIdempotencyStore.ts';
import { PowertoolsIdempotencyGuard } from './api/idempotency/PowertoolsIdempotencyGuard.ts';
import { restApiHandler } from './api/http/restApiHandler.ts';
import { publicRoutes } from './api/routeTable.ts';
import { buildCitizenPorts } from './context/buildCitizenPorts.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';

const env = parseEnv(publicApiEnvSchema);
const telemetry = new Telemetry('public-api');
const core = buildCoreDeps(env, telemetry);
// Its role may only read the registry: the routes read the city map and services from it.
const registry = new DynamoRegistryStore(telemetry.tracer.captureAWSv3Client(documentClient()), env.REGISTRY_TABLE);

/**
 * The citizens' API (its own API Gateway REST API, throttled and behind WAF rate rules, no sign-in): Open311
 * and the report page's routes, nothing else. Photos go to the stage's private bucket by presigned PUT.
 */
export const handler = restApiHandler(createApiHandler({
  deps: {
    ...core,
    citizen: buildCitizenPorts(env, core.sms, telemetry, new S3PhotoStore(telemetry.tracer.captureAWSv3Client(s3Client()), env.PHOTO_BUCKET)),
    registryAdmin: registry,
    registryImport: registry,
    // No public route starts a wave; one that tried would be a bug, said at once rather than queued.
    dispatch: { request: async () => { throw new Error('the public API dispatches nothing: waves are started from the officers\' API and the poller'); } },
    planning: { request: async () => { throw new Error('the public API plans nothing: activations and upgrades are the officers\' API\'s'); } },
  },
  routes: publicRoutes(),
  // The public routes skip it; any other path is refused 401 (this API has no authorizer to trust).
  authenticator: new ApiGatewayJwtAuthenticator(),
  idempotency: new PowertoolsIdempotencyGuard({ persistenceStore: dynamoIdempotencyStore(env.IDEMPOTENCY_TABLE, telemetry.tracer.captureAWSv3Client(new DynamoDBClient({}))) }),
  logger: telemetry.logger,
  middlewares: telemetry.middlewares(),
}));
