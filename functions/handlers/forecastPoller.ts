import middy from '@middy/core';
import { emitPollMetrics } from '../adapters/observability/emitPollMetrics.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { OpenMeteoProvider } from '../adapters/weather/OpenMeteoProvider.ts';
import { pollAndDispatch } from '../core/poll/pollAndDispatch.ts';
import { parseEnv } from '../config/env.ts';
import { pollerEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';

const env = parseEnv(pollerEnvSchema);
const telemetry = new Telemetry('forecast-poller');
const deps = buildCoreDeps(env, telemetry);
const providers = new Map([['open-meteo', new OpenMeteoProvider({ baseUrl: env.OPEN_METEO_BASE_URL }, deps.clock)]]);

/** EventBridge Scheduler tick: poll, decide, activate, dispatch. */
export const handler = middy()
  .use(telemetry.middlewares())
  .handler(async () => {
    const result = await pollAndDispatch({ ...deps, providers });
    emitPollMetrics(telemetry, result.zones, deps.clock.now());
    telemetry.logger.info('poll finished', { cityLevel: result.cityLevel, decision: result.decision, dispatch: result.dispatch });
    return { cityLevel: result.cityLevel, decision: result.decision };
  });
