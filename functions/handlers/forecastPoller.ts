import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { emitPollMetrics } from '../adapters/observability/emitPollMetrics.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { SqsDispatchRequests } from '../adapters/queue/SqsDispatchRequests.ts';
import { SqsPlanningRequests } from '../adapters/queue/SqsPlanningRequests.ts';
import { pollAndDispatch } from '../core/poll/pollAndDispatch.ts';
import { parseEnv } from '../config/env.ts';
import { forecastPollerEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildWeatherProviders } from './context/buildWeatherProviders.ts';

const env = parseEnv(forecastPollerEnvSchema);
const telemetry = new Telemetry('forecast-poller');
const deps = buildCoreDeps(env, telemetry);
const providers = buildWeatherProviders(env, deps.clock);
const sqs = telemetry.tracer.captureAWSv3Client(new SQSClient({}));
// A new or upgraded activation's wave goes to the activation planner's queue, which books it and queues it for
// the dispatcher: the poller's tick stays short at any city size.
const planning = new SqsPlanningRequests(sqs, env.PLANNING_QUEUE_URL);
const dispatch = new SqsDispatchRequests(sqs, env.DISPATCH_QUEUE_URL);

/** EventBridge Scheduler tick: poll, decide, activate or upgrade and hand the wave to the planner; publish the forecast's health. */
export const handler = middy()
  .use(telemetry.middlewares())
  .handler(async () => {
    const result = await pollAndDispatch({ ...deps, providers, dispatch, planning });
    emitPollMetrics(telemetry, result, deps.clock.now());
    telemetry.logger.info('poll finished', { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch, metrics: result.metrics, dispatch: result.dispatch });
    return { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch };
  });
