import { Duration, Stack } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { DEPLOYMENT_DIMENSION, METRICS_NAMESPACE, type MetricName } from '../../functions/config/metrics.ts';

export interface SnowopsMetricOptions {
  statistic?: string;
  period?: Duration;
  /** The one extra dimension some metrics carry (Zone, State, Outcome, Provider). */
  dimension?: { name: string; value: string };
  label?: string;
}

/** A metric the Lambdas emit through Telemetry, as this stack's deployment sees it (service = the stack name). */
export function snowopsMetric(scope: Construct, metricName: MetricName, options: SnowopsMetricOptions = {}): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: {
      [DEPLOYMENT_DIMENSION]: Stack.of(scope).stackName,
      ...(options.dimension ? { [options.dimension.name]: options.dimension.value } : {}),
    },
    statistic: options.statistic ?? 'Sum',
    period: options.period ?? Duration.minutes(5),
    ...(options.label ? { label: options.label } : {}),
  });
}
