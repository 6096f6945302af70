import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import { METRICS_NAMESPACE, type MetricName } from '../../config/metrics.ts';
import { maskPhonesReplacer } from './maskPhones.ts';

export type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

/**
 * A handler's Powertools trio, built once per container: a Logger that masks phone numbers in every
 * line, EMF Metrics under the deployment's `service` dimension, and a Tracer. Core never sees it: the
 * handler and the observed ports (observeDeps) report what core did.
 */
export class Telemetry {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracer: Tracer;

  constructor(
    readonly serviceName: string,
    /** The stack name, set by lib/SnowopsFunction.ts; separates stages (and copies of one) in CloudWatch. */
    readonly deployment: string = process.env.SNOWOPS_DEPLOYMENT ?? 'snowops-local',
  ) {
    this.logger = new Logger({ serviceName, jsonReplacerFn: maskPhonesReplacer, persistentKeys: { deployment } });
    // The metrics' `service` is the deployment, not the function: the same SMS metric comes from several
    // Lambdas, and one alarm must see all of them.
    this.metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: deployment });
    this.tracer = new Tracer({ serviceName });
  }

  /** Adds to a metric of this invocation; with a dimension it is published at once as its own EMF line. */
  record(metric: MetricName, unit: Unit, value: number, dimension?: { name: string; value: string }): void {
    if (!dimension) {
      this.metrics.addMetric(metric, unit, value);
      return;
    }
    const single = this.metrics.singleMetric();
    single.addDimension(dimension.name, dimension.value);
    single.addMetric(metric, unit, value);
  }

  count(metric: MetricName, value = 1, dimension?: { name: string; value: string }): void {
    this.record(metric, MetricUnit.Count, value, dimension);
  }

  /** Every later log line of this invocation carries the activation as its correlation id, and the trace is annotated. */
  correlate(activationId: string): void {
    if (activationId === 'system') return;
    this.logger.appendKeys({ correlation_id: activationId });
    this.tracer.putAnnotation('activationId', activationId);
  }

  /** Tracer, metrics and logger middleware, outermost first; keys appended during an invocation are reset after it. */
  middlewares(): middy.MiddlewareObj[] {
    return [
      // Responses stay out of X-Ray as they may carry phone numbers; so do errors (POWERTOOLS_TRACER_CAPTURE_ERROR
      // is false, set by lib/SnowopsFunction.ts): the masked log line has them.
      captureLambdaHandler(this.tracer, { captureResponse: false }),
      logMetrics(this.metrics, { captureColdStartMetric: true }),
      injectLambdaContext(this.logger, { resetKeys: true }),
    ];
  }
}
