import { afterEach, describe, expect, it } from 'vitest';
import { pollCity } from '../../../functions/core/poll/pollCity.ts';
import { BAD_OPEN_METEO } from '../../support/weather/badBodies.ts';
import { fixtureText, NWS_GRID, NWS_POINTS } from '../../support/weather/fixtures.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { pollHarness } from '../../support/weather/pollHarness.ts';

const levelI = { status: 200, body: JSON.stringify(openMeteoBody(snowCm(14, 6, 1))) };
const unavailable = { status: 503, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Unavailable Resource","type":"https://api.weather.gov/problems/UnavailableWebService","status":503,"detail":"The resource you requested is currently unavailable.  Please try again later."}' };

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe('pollCity on the in-memory twins: bad forecast data never moves a level', () => {
  it.each(BAD_OPEN_METEO)('logs $name with the provider\'s reason and keeps every zone\'s level', async ({ answer, reason }) => {
    const h = await pollHarness({ plan: { activationPolicy: 'propose' } });
    close = h.close;
    h.server.script('/v1/forecast', [levelI]);
    await pollCity(h.deps);
    h.server.script('/v1/forecast', [answer]);
    h.clock.advance(15);

    const result = await pollCity(h.deps);

    const failures = (await h.deps.log.list('system')).filter((e) => e.action === 'forecast.failed');
    expect(failures).toHaveLength(4);
    expect(failures[0]?.details).toEqual({ provider: 'open-meteo' });
    expect(failures[0]?.reason).toMatch(reason);
    expect(result.zones.map((z) => z.level)).toEqual(['I', 'I', 'I', 'I']);
    expect((await h.deps.zoneStates.getZoneStates()).map((z) => z.level)).toEqual(['I', 'I', 'I', 'I']);
  });

  it.each([
    { name: 'a 429 whose Retry-After is longer than the poller may wait', answer: { status: 429, headers: { 'retry-after': '3600' }, body: '{"error":true,"reason":"Hourly API request limit exceeded. Please try again in the next hour."}' } as const, reason: /^HTTP 429 from \/v1\/forecast: Hourly API request limit exceeded\. Please try again in the next hour\. \(Retry-After 3600\)$/ },
    { name: 'a server that hangs past the timeout', answer: 'hang' as const, reason: /^\/v1\/forecast: no answer within 300 ms \(timeout\)$/ },
  ])('logs $name with the reason and keeps every zone\'s level', async ({ answer, reason }) => {
    const h = await pollHarness({ plan: { activationPolicy: 'propose' } });
    close = h.close;
    h.server.script('/v1/forecast', [levelI]);
    await pollCity(h.deps);
    h.server.script('/v1/forecast', [answer]);
    h.clock.advance(15);

    const result = await pollCity(h.deps);

    const failures = (await h.deps.log.list('system')).filter((e) => e.action === 'forecast.failed');
    expect(failures.map((f) => f.reason)).toEqual(Array(4).fill(expect.stringMatching(reason)));
    expect(result.zones.map((z) => z.level)).toEqual(['I', 'I', 'I', 'I']);
  });

  it('logs NWS interval times without offsets with the layer and value, and keeps the level', async () => {
    const grid = JSON.parse(fixtureText(NWS_GRID)) as { properties: Record<'snowfallAmount' | 'quantitativePrecipitation', { uom: string; values: { validTime: string; value: number | null }[] }> };
    grid.properties.snowfallAmount.values[0] = { validTime: '2022-02-03T21:00:00+00:00/PT3H', value: 120 }; // 12 cm of snow in 3 h
    grid.properties.quantitativePrecipitation.values[0] = { validTime: '2022-02-03T21:00:00+00:00/PT3H', value: 17 }; // on 17 mm of QPF: level I
    const h = await pollHarness({ plan: { activationPolicy: 'propose' }, zoneProviders: ['nws'], start: '2022-02-03T21:00:00Z' });
    close = h.close;
    h.server.script('/points/', [{ status: 200, body: fixtureText(NWS_POINTS) }]);
    h.server.script('/gridpoints/', [{ status: 200, body: JSON.stringify(grid) }]);
    h.server.script('/alerts/active', [{ status: 200, body: '{"type":"FeatureCollection","features":[]}' }]);
    await pollCity(h.deps);
    grid.properties.snowfallAmount.values[0]!.validTime = '2022-02-03T21:00:00/PT3H';
    h.server.script('/gridpoints/', [{ status: 200, body: JSON.stringify(grid) }]);
    h.clock.advance(15);

    const result = await pollCity(h.deps);

    const failure = (await h.deps.log.list('system')).find((e) => e.action === 'forecast.failed');
    expect(failure?.reason).toBe('properties.snowfallAmount.values[0].validTime: start "2022-02-03T21:00:00" is not a date-time with an offset');
    expect(result.zones.map((z) => z.level)).toEqual(['I', 'I', 'I', 'I']);
  });

  it('never activates on a first poll whose every provider fails', async () => {
    const h = await pollHarness();
    close = h.close;
    h.server.script('/v1/forecast', [unavailable]);

    const result = await pollCity(h.deps);

    expect({ decision: result.decision, level: result.cityLevel, open: await h.deps.activations.getOpenActivation() }).toEqual({ decision: 'none', level: 'none', open: undefined });
  });

  it('falls back to the next provider and says why the first one failed', async () => {
    const h = await pollHarness({ plan: { activationPolicy: 'propose' }, zoneProviders: ['nws', 'open-meteo'] });
    close = h.close;
    h.server.script('/points/', [unavailable]);
    h.server.script('/v1/forecast', [levelI]);

    const result = await pollCity(h.deps);

    const failure = (await h.deps.log.list('system')).find((e) => e.action === 'forecast.failed');
    expect({ provider: result.zones[0]?.provider, level: result.cityLevel }).toEqual({ provider: 'open-meteo', level: 'I' });
    expect(failure?.reason).toBe('HTTP 503 from /points/35.24,113.227: Unavailable Resource: The resource you requested is currently unavailable.  Please try again later.');
  });
});

describe('pollCity on the in-memory twins: a 503 storm on every provider', () => {
  it('holds the level, then raises the stale-forecast alarm once per episode when the plan\'s time runs out', async () => {
    const h = await pollHarness({ plan: { activationPolicy: 'propose', staleAfterMinutes: 60 }, zoneProviders: ['open-meteo', 'nws', 'met-norway'] });
    close = h.close;
    h.server.script('/v1/forecast', [levelI]);
    await pollCity(h.deps);
    for (const prefix of ['/v1/forecast', '/points/', '/weatherapi/']) h.server.script(prefix, [unavailable]);
    const sentBefore = h.officerSms().length;

    h.clock.advance(15);
    const early = await pollCity(h.deps);
    h.clock.advance(60);
    const stale = await pollCity(h.deps);
    h.clock.advance(15);
    const later = await pollCity(h.deps);

    const log = await h.deps.log.list('system');
    expect(early.metrics).toEqual({ zones: 4, providerFailures: 12, staleZones: 0, newlyStaleZones: 0 });
    expect(stale.metrics).toEqual({ zones: 4, providerFailures: 12, staleZones: 4, newlyStaleZones: 4 });
    expect(later.metrics).toEqual({ zones: 4, providerFailures: 12, staleZones: 4, newlyStaleZones: 0 });
    expect([early.decision, stale.decision, later.decision]).toEqual(['held', 'held', 'held']);
    // Once per zone, in the order the registry lists the zones (which RegistryStore leaves open: the table's key order, the twin's file order).
    expect(log.filter((e) => e.action === 'forecast.stale').map((e) => e.subject).sort()).toEqual(['zone:jiefang', 'zone:macun', 'zone:shanyang', 'zone:zhongzhan']);
    expect(h.officerSms().slice(sentBefore).map((s) => s.body)).toEqual([expect.stringContaining('所有天气数据源失败')]);
    expect(stale.zones.map((z) => z.level)).toEqual(['I', 'I', 'I', 'I']);
  });

  it('logs the recovery and re-arms the alarm when a provider answers again', async () => {
    const h = await pollHarness({ plan: { activationPolicy: 'propose', staleAfterMinutes: 15 } });
    close = h.close;
    h.server.script('/v1/forecast', [unavailable]);
    await pollCity(h.deps);
    h.clock.advance(15);
    await pollCity(h.deps);
    h.server.script('/v1/forecast', [levelI]);
    h.clock.advance(15);

    const recovered = await pollCity(h.deps);

    const actions = (await h.deps.log.list('system')).map((e) => e.action);
    expect(actions.filter((a) => a === 'forecast.recovered')).toHaveLength(4);
    expect(recovered.zones.map((z) => [z.staleAlarmedAt, z.failingSince])).toEqual(Array(4).fill([null, null]));
  });
});
