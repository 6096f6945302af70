import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { documentClient } from '../adapters/dynamo/documentClient.ts';
import { DynamoRegistryStore } from '../adapters/dynamo/DynamoRegistryStore.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { SqsDispatchRequests } from '../adapters/queue/SqsDispatchRequests.ts';
import { SqsPlanningRequests } from '../adapters/queue/SqsPlanningRequests.ts';
import { parseEnv } from '../config/env.ts';
import { apiEnvSchema } from '../config/lambdaEnv.ts';
import { ApiGatewayJwtAuthenticator } from './api/auth/ApiGatewayJwtAuthenticator.ts';
import { createApiHandler } from './api/createApiHandler.ts';
import { PowertoolsIdempotencyGuard } from './api/idempotency/PowertoolsIdempotencyGuard.ts';
import { buildCitizenPorts } from './context/buildCitizenPorts.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { dynamoIdempotencyStore } from '../adapters/idempotency/dynamoIdempotencyStore.ts';

const env = parseEnv(apiEnvSchema);
const telemetry = new Telemetry('api');
const registryWrites = new DynamoRegistryStore(telemetry.tracer.captureAWSv3Client(documentClient()), env.REGISTRY_TABLE);
const core = buildCoreDeps(env, telemetry);
const sqs = telemetry.tracer.captureAWSv3Client(new SQSClient({}));

/** HTTP API (API Gateway v2, JWT authorizer on the Cognito user pool) -> every route of the API. */
export const handler = createApiHandler({
  deps: {
    // The stores, and an SMS sender for the one message the API sends itself: a reassignment's notice to both leaders.
    ...core,
    // The preview and the activation's progress say how long a wave's SMS take at the stage's pace.
    smsPace: { partsPerSecond: env.SMS_PARTS_PER_SECOND, ...(env.SMS_ORIGINATION ? { origination: env.SMS_ORIGINATION } : {}), ...(core.sms.signature ? { signature: core.sms.signature } : {}) },
    // Registering, rejecting and verifying a citizen report texts its reporter.
    citizen: buildCitizenPorts(env, core.sms, telemetry),
    registryAdmin: registryWrites,
    registryImport: registryWrites,
    // An officer's activation or upgrade hands its wave to the planning queue and answers at once (202);
    // the activation planner books it and queues it for the dispatcher.
    planning: new SqsPlanningRequests(sqs, env.PLANNING_QUEUE_URL),
    // A stand-down's or downgrade's notices and a citizen case's task go to the dispatcher's queue; the
    // dispatcher sends at the account's SMS pace, with the exactly-once guard and its dead-letter queue.
    dispatch: new SqsDispatchRequests(sqs, env.DISPATCH_QUEUE_URL),
  },
  authenticator: new ApiGatewayJwtAuthenticator(),
  idempotency: new PowertoolsIdempotencyGuard({ persistenceStore: dynamoIdempotencyStore(env.IDEMPOTENCY_TABLE, telemetry.tracer.captureAWSv3Client(new DynamoDBClient({}))) }),
  logger: telemetry.logger,
  middlewares: telemetry.middlewares(),
});
