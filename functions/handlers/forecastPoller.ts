import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { pollAndDispatch } from '../core/poll/pollAndDispatch.ts';
import { parseEnv } from '../config/env.ts';
import { pollerEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildWeatherProviders } from './context/buildWeatherProviders.ts';

const env = parseEnv(pollerEnvSchema);
const logger = new Logger({ serviceName: 'forecast-poller' });
const metrics = new Metrics({ namespace: 'snowops', serviceName: 'forecast-poller' });
const deps = buildCoreDeps(env);
const providers = buildWeatherProviders(env, deps.clock);

/** EventBridge Scheduler tick: poll, decide, activate or raise, dispatch; publish the forecast's health. */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .handler(async () => {
    const result = await pollAndDispatch({ ...deps, providers });
    metrics.addMetric('StaleForecastZones', MetricUnit.Count, result.metrics.staleZones);
    metrics.addMetric('StaleForecastAlarms', MetricUnit.Count, result.metrics.newlyStaleZones);
    metrics.addMetric('ForecastProviderFailures', MetricUnit.Count, result.metrics.providerFailures);
    logger.info('poll finished', { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch, metrics: result.metrics, dispatch: result.dispatch });
    return { cityLevel: result.cityLevel, decision: result.decision, watch: result.watch };
  });
