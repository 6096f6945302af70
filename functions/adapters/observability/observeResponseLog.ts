import type { LogEntry } from '../../core/log/LogEntry.ts';
import type { ResponseLog } from '../../core/ports/ResponseLog.ts';
import { DIMENSION, LOG_ACTION_METRICS, METRIC } from '../../config/metrics.ts';
import { decorate } from './decorate.ts';
import type { Telemetry } from './Telemetry.ts';

/**
 * Every step appends to the response log, so the log is where a Lambda's steps are counted: the entry's
 * activation becomes the correlation id, and the actions in LOG_ACTION_METRICS become metrics.
 */
export function observeResponseLog<L extends ResponseLog>(inner: L, telemetry: Telemetry): L {
  return decorate(inner, {
    async append(entry: LogEntry) {
      await inner.append(entry);
      telemetry.correlate(entry.activationId);
      if (entry.action === 'forecast.failed') {
        const provider = typeof entry.details.provider === 'string' ? entry.details.provider : 'unknown';
        telemetry.count(METRIC.providerFailures, 1, { name: DIMENSION.provider, value: provider });
      }
      const metric = LOG_ACTION_METRICS[entry.action];
      if (metric) telemetry.count(metric);
    },
  } as Partial<L>);
}
