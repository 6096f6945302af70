import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { OpenMeteoProvider } from '../adapters/weather/OpenMeteoProvider.ts';
import { pollAndDispatch } from '../core/poll/pollAndDispatch.ts';
import { parseEnv } from '../config/env.ts';
import { pollerEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';

const env = parseEnv(pollerEnvSchema);
const logger = new Logger({ serviceName: 'forecast-poller' });
const deps = buildCoreDeps(env);
const providers = new Map([['open-meteo', new OpenMeteoProvider({ baseUrl: env.OPEN_METEO_BASE_URL }, deps.clock)]]);

/** EventBridge Scheduler tick: poll, decide, activate, dispatch. */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    const result = await pollAndDispatch({ ...deps, providers });
    logger.info('poll finished', { cityLevel: result.cityLevel, decision: result.decision, dispatch: result.dispatch });
    return { cityLevel: result.cityLevel, decision: result.decision };
  });
