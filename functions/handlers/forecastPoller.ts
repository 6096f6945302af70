import middy from '@middy/core';
import { emitPollMetrics } from '../adapters/observability/emitPollMetrics.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { pollAndDispatch } from '../core/poll/pollAndDispatch.ts';
import { parseEnv } from '../config/env.ts';
import { pollerEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildWeatherProviders } from './context/buildWeatherProviders.ts';

const env = parseEnv(pollerEnvSchema);
const telemetry = new Telemetry('forecast-poller');
const deps = buildCoreDeps(env, telemetry);
const providers = buildWeatherProviders(env, deps.clock);

/** EventBridge Scheduler tick: poll, decide, activate or raise, dispatch; publish the forecast's health. */
export const handler = middy()
  .use(telemetry.middlewares())
  .handler(async () => {
    const result = await pollAndDispatch({ ...deps, providers });
    emitPollMetrics(telemetry, result, deps.clock.now());
    telemetry.logger.info('poll finished', { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch, metrics: result.metrics, dispatch: result.dispatch });
    return { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch };
  });
