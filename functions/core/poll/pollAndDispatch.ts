import { dispatchWave, type DispatchSummary } from '../dispatch/dispatchWave.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ForecastProvider } from '../ports/ForecastProvider.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { pollCity, type PollResult } from './pollCity.ts';

/** A scheduled tick: poll every zone, act on the plan, and dispatch the wave a new or raised activation opened. */
export async function pollAndDispatch(
  deps: CoreDeps & { providers: ReadonlyMap<string, ForecastProvider>; sms: SmsSender },
): Promise<PollResult & { dispatch?: DispatchSummary }> {
  const result = await pollCity(deps);
  if (result.activation?.outcome === 'activated') {
    return { ...result, dispatch: await dispatchWave(deps, result.activation.activation.id, { shortfalls: result.activation.shortfalls }) };
  }
  if (result.raise?.outcome === 'raised') return { ...result, dispatch: await dispatchWave(deps, result.raise.activation.id) };
  return result;
}
