import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { emitPollMetrics } from '../adapters/observability/emitPollMetrics.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { SqsDispatchRequests } from '../adapters/queue/SqsDispatchRequests.ts';
import { pollAndDispatch } from '../core/poll/pollAndDispatch.ts';
import { parseEnv } from '../config/env.ts';
import { forecastPollerEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildWeatherProviders } from './context/buildWeatherProviders.ts';

const env = parseEnv(forecastPollerEnvSchema);
const telemetry = new Telemetry('forecast-poller');
const deps = buildCoreDeps(env, telemetry);
const providers = buildWeatherProviders(env, deps.clock);
// A new or upgraded activation's wave goes to the dispatcher's queue: the poller's tick stays short.
const dispatch = new SqsDispatchRequests(telemetry.tracer.captureAWSv3Client(new SQSClient({})), env.DISPATCH_QUEUE_URL);

/** EventBridge Scheduler tick: poll, decide, activate or upgrade, hand the wave to dispatch; publish the forecast's health. */
export const handler = middy()
  .use(telemetry.middlewares())
  .handler(async () => {
    const result = await pollAndDispatch({ ...deps, providers, dispatch });
    emitPollMetrics(telemetry, result, deps.clock.now());
    telemetry.logger.info('poll finished', { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch, metrics: result.metrics, dispatch: result.dispatch });
    return { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch };
  });
