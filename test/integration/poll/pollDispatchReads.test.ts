import { afterEach, describe, expect, it } from 'vitest';
import { OpenMeteoProvider } from '../../../functions/adapters/weather/OpenMeteoProvider.ts';
import { activate } from '../../../functions/core/activation/activate.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { pollAndDispatch } from '../../../functions/core/poll/pollAndDispatch.ts';
import type { DispatchRequest, DispatchRequests } from '../../../functions/core/ports/DispatchRequests.ts';
import type { ForecastProvider } from '../../../functions/core/ports/ForecastProvider.ts';
import { loadCityFile } from '../../../local/city/loadCityFile.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';
import { countingWholeActivationReads } from '../../support/wholeActivationReads.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { startScriptedServer, type ScriptedServer } from '../../support/weather/scriptedServer.ts';

/** Dispatch requests kept, not acted on: what the poll asked for is all this test looks at. */
class KeptDispatchRequests implements DispatchRequests {
  readonly requests: DispatchRequest[] = [];
  async request(r: DispatchRequest) {
    this.requests.push(r);
    return { mode: 'queued' as const };
  }
}

// 6.3 mm of snow water in 12 h from the next hour: level III, as the activation below.
const LEVEL_III = { status: 200, body: JSON.stringify(openMeteoBody(snowCm(4.41, 12, 1))) };

let server: ScriptedServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

/** The demo city on the twins, every zone forecast by Open-Meteo from a local scripted server, a level III activation booked. */
async function activeCity() {
  const file = await loadCityFile();
  const city = await demoCityInMemory(undefined, { ...file, zones: file.zones.map((z) => ({ ...z, providers: ['open-meteo'] })) });
  server = await startScriptedServer();
  server.script('/v1/forecast', [LEVEL_III]);
  const providers = new Map<string, ForecastProvider>([['open-meteo', new OpenMeteoProvider({ baseUrl: server.baseUrl, timeoutMs: 300, retries: 1, retryBaseMs: 1 }, city.clock)]]);
  const zoneLevels = Object.fromEntries(city.city.zones.map((z) => [z.id, 'III' as const]));
  const result = await activate(city.deps, { level: 'III', zoneLevels, actor: 'duty-officer', reason: 'yellow snow warning', evidence: [] });
  if (result.outcome !== 'activated') throw new Error(`not activated: ${result.outcome}`);
  return { city, providers, activationId: result.activation.id };
}

describe('the poll during an activation (use cases on the in-memory twins, forecasts from a local scripted server)', () => {
  it('asks for nothing once the wave was dispatched, without reading the activation\'s tasks or cases', async () => {
    const { city, providers, activationId } = await activeCity();
    await dispatchWave(city.deps, activationId);
    city.clock.advance(15);
    const counting = countingWholeActivationReads(city.deps);
    const dispatch = new KeptDispatchRequests();

    const polled = await pollAndDispatch({ ...counting.deps, providers, dispatch });

    expect({ decision: polled.decision, requests: dispatch.requests, reads: counting.reads }).toEqual({ decision: 'already-open', requests: [], reads: [] });
  });

  it('asks again for the dispatch of a wave booked and never dispatched, without reading the activation\'s tasks or cases', async () => {
    const { city, providers, activationId } = await activeCity();
    city.clock.advance(15);
    const counting = countingWholeActivationReads(city.deps);
    const dispatch = new KeptDispatchRequests();

    await pollAndDispatch({ ...counting.deps, providers, dispatch });

    expect({ requests: dispatch.requests, reads: counting.reads }).toEqual({ requests: [{ activationId }], reads: [] });
  });

  it('asks again when a booking landed after the last wave dispatch read the activation', async () => {
    const { city, providers, activationId } = await activeCity();
    const activation = (await city.deps.activations.getActivation(activationId))!;
    await dispatchWave(city.deps, activationId);
    // A booking run (a "9"'s replacement, a reassignment) that died before its dispatch: its marks stand.
    await city.deps.activations.noteBookingRun(activationId);
    city.clock.advance(15);
    const dispatch = new KeptDispatchRequests();

    await pollAndDispatch({ ...city.deps, providers, dispatch });

    expect({ wave: activation.wave, requests: dispatch.requests }).toEqual({ wave: 1, requests: [{ activationId }] });
  });
});
