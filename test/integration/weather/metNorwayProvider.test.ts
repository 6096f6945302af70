import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MetNorwayProvider } from '../../../functions/adapters/weather/metno/MetNorwayProvider.ts';
import { fetchWithFallback } from '../../../functions/core/poll/fetchWithFallback.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';
import { startWeatherServer, type WeatherServer } from '../../../local/weather/startWeatherServer.ts';
import { metNorwayRoute } from '../../../local/weather/replayRoutes.ts';
import { metnoBody } from '../../support/weather/fixtures.ts';
import { startScriptedServer, type ScriptedServer } from '../../support/weather/scriptedServer.ts';

const clock = { now: () => new Date('2020-07-20T11:20:44Z') };
const zone: Zone = { id: 'beijing', name: 'Beijing', responsibleUnit: 'unit', latitude: 39.9, longitude: 116.4, providers: ['met-norway'] };
const UA = 'snowops-test/1.0 (ops@example.org)';
// The recorded capture's own caching headers.
const LAST_MODIFIED = 'Mon, 20 Jul 2020 11:20:44 GMT';
const EXPIRES = 'Mon, 20 Jul 2020 11:52:28 GMT';

describe('MetNorwayProvider against the MET Norway replay route', () => {
  let server: WeatherServer;
  let nowMs: number;
  let provider: MetNorwayProvider;
  beforeAll(async () => { server = await startWeatherServer([metNorwayRoute(metnoBody(), { lastModified: LAST_MODIFIED, expires: EXPIRES })]); });
  afterAll(async () => { await server.close(); });
  beforeEach(() => {
    server.requests.length = 0;
    nowMs = Date.parse('2020-07-20T11:21:00Z');
    provider = new MetNorwayProvider({ baseUrl: server.baseUrl, userAgent: UA, timeoutMs: 300, retries: 1, retryBaseMs: 5, nowMs: () => nowMs }, clock);
  });

  it('reads locationforecast compact at 4 decimals and normalises it hour by hour', async () => {
    const forecast = await provider.fetch(zone);

    expect(server.requests).toEqual(['GET /weatherapi/locationforecast/2.0/compact?lat=39.9000&lon=116.4000']);
    expect(forecast.hours[0]).toMatchObject({ time: '2020-07-20T11:00:00.000Z', temperatureC: 30.4, precipitationMm: 0, snowWaterMm: 0 });
  });

  it('does not ask again before the answer\'s Expires', async () => {
    await provider.fetch(zone);
    nowMs = Date.parse('2020-07-20T11:40:00Z');
    await provider.fetch(zone);

    expect(server.requests).toHaveLength(1);
  });

  it('after Expires, revalidates with If-Modified-Since and reuses the copy on 304', async () => {
    const first = await provider.fetch(zone);
    nowMs = Date.parse('2020-07-20T12:00:00Z');
    const second = await provider.fetch(zone);

    expect(server.requests).toHaveLength(2);
    expect(second.hours).toEqual(first.hours);
  });

  it('refuses to be built without a User-Agent', () => {
    expect(() => new MetNorwayProvider({ baseUrl: server.baseUrl, userAgent: '' }, clock)).toThrow(/requires an identifying User-Agent/);
  });
});

describe('MetNorwayProvider with scripted answers', () => {
  let server: ScriptedServer;
  let provider: MetNorwayProvider;
  beforeAll(async () => { server = await startScriptedServer(); });
  afterAll(async () => { await server.close(); });
  beforeEach(() => {
    server.seen.length = 0;
    provider = new MetNorwayProvider({ baseUrl: server.baseUrl, userAgent: UA, timeoutMs: 300, retries: 1, retryBaseMs: 5 }, clock);
  });

  it('uses a 203 (deprecated product) answer but passes the warning on', async () => {
    server.script('/weatherapi/', [{ status: 203, body: metnoBody() }]);

    const forecast = await provider.fetch(zone);

    expect(forecast.notes).toEqual(['met-norway answered 203: this product version is deprecated, move to its successor']);
  });

  it('rejects times without the UTC "Z"', async () => {
    const body = JSON.parse(metnoBody()) as { properties: { timeseries: { time: string }[] } };
    body.properties.timeseries[3]!.time = '2020-07-20T14:00:00';
    server.script('/weatherapi/', [{ status: 200, body: JSON.stringify(body) }]);

    const { failures } = await fetchWithFallback(zone, new Map([['met-norway', provider]]));

    expect(failures[0]?.reason).toBe('properties.timeseries.3.time: time must be a whole UTC hour ending in Z');
  });

  it('reports a 403 for a refused User-Agent in the server\'s words, without retrying', async () => {
    server.script('/weatherapi/', [{ status: 403, headers: { 'content-type': 'text/plain' }, body: '403 Forbidden: identify yourself' }]);

    const { failures } = await fetchWithFallback(zone, new Map([['met-norway', provider]]));

    expect({ reason: failures[0]?.reason, requests: server.seen.length }).toEqual({ reason: 'HTTP 403 from /weatherapi/locationforecast/2.0/compact: 403 Forbidden: identify yourself', requests: 1 });
  });
});
