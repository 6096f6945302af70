import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NwsProvider } from '../../../functions/adapters/weather/nws/NwsProvider.ts';
import { fetchWithFallback } from '../../../functions/core/poll/fetchWithFallback.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';
import { NWS_PROBLEM_404, NWS_PROBLEM_503 } from '../../support/weather/badBodies.ts';
import { fixtureText, NWS_ALERTS, NWS_GRID, NWS_POINTS } from '../../support/weather/fixtures.ts';
import { startScriptedServer, type ScriptedServer } from '../../support/weather/scriptedServer.ts';

const clock = { now: () => new Date('2022-02-04T03:20:00Z') };
const zone: Zone = { id: 'sumatra', name: 'Sumatra FL', responsibleUnit: 'unit', latitude: 30, longitude: -85, providers: ['nws'] };
const UA = 'snowops-test/1.0 (ops@example.org)';
const geo = (body: string) => ({ status: 200, headers: { 'content-type': 'application/geo+json' }, body });
const problem = (body: string, status: number) => ({ status, headers: { 'content-type': 'application/problem+json' }, body });
const grid = () => JSON.parse(fixtureText(NWS_GRID)) as { properties: Record<string, { uom?: string; values: { validTime: string; value: number | null }[] }> };

let server: ScriptedServer;
let provider: NwsProvider;
beforeAll(async () => { server = await startScriptedServer(); });
afterAll(async () => { await server.close(); });
beforeEach(() => {
  server.seen.length = 0;
  server.script('/points/', [geo(fixtureText(NWS_POINTS))]);
  server.script('/gridpoints/', [geo(fixtureText(NWS_GRID))]);
  server.script('/alerts/active', [geo(fixtureText(NWS_ALERTS))]);
  provider = new NwsProvider({ baseUrl: server.baseUrl, userAgent: UA, timeoutMs: 300, retries: 2, retryBaseMs: 5 }, clock);
});

const failureOf = async () => (await fetchWithFallback(zone, new Map([['nws', provider]]))).failures[0];

describe('NwsProvider against a localhost server replaying api.weather.gov', () => {
  it('follows points → gridpoints → alerts with an identifying User-Agent and GeoJSON Accept', async () => {
    await provider.fetch(zone);

    expect(server.seen.map((r) => r.path)).toEqual(['/points/30,-85', '/gridpoints/TAE/58,65', '/alerts/active?point=30,-85']);
    expect(server.seen.map((r) => [r.headers['user-agent'], r.headers.accept])).toEqual(Array(3).fill([UA, 'application/geo+json']));
  });

  it('spreads interval values over their hours and converts units to SI', async () => {
    const forecast = await provider.fetch(zone);

    // temperature 2022-02-03T21:00/PT1H = 22.777… °C; windGust 29.632 km/h over PT2H = 8.231 m/s in each hour.
    expect(forecast.hours.slice(0, 2).map((h) => [h.time, h.temperatureC, h.windGustMs])).toEqual([
      ['2022-02-03T21:00:00.000Z', 22.778, 8.231], ['2022-02-03T22:00:00.000Z', 22.222, 8.231],
    ]);
  });

  it('maps the point\'s active alerts to warnings with their VTEC codes', async () => {
    const forecast = await provider.fetch(zone);

    expect(forecast.warnings?.map((w) => `${w.event} ${w.code}`).slice(0, 3)).toEqual(['Winter Storm Watch WS.A', 'Winter Weather Advisory WW.Y', 'Winter Storm Warning WS.W']);
  });

  it('asks for the point\'s grid once and then reuses it', async () => {
    await provider.fetch(zone);
    await provider.fetch(zone);

    expect(server.seen.filter((r) => r.path.startsWith('/points/'))).toHaveLength(1);
  });

  it('refuses to be built without a User-Agent', () => {
    expect(() => new NwsProvider({ baseUrl: server.baseUrl, userAgent: ' ' }, clock)).toThrow(/requires an identifying User-Agent/);
  });

  it('reports a problem+json 404 in the API\'s own words, without retrying', async () => {
    server.script('/points/', [problem(NWS_PROBLEM_404, 404)]);

    const failure = await failureOf();

    expect({ reason: failure?.reason, requests: server.seen.length }).toEqual({ reason: 'HTTP 404 from /points/30,-85: Data Unavailable For Requested Point: Unable to provide data for requested point -20.9512,55.3085', requests: 1 });
  });

  it('retries a 503 problem and reports it when it persists', async () => {
    server.script('/gridpoints/', [problem(NWS_PROBLEM_503, 503)]);

    const failure = await failureOf();

    expect(failure?.reason).toBe('HTTP 503 from /gridpoints/TAE/58,65: Forecast Grid Expired: The requested forecast grid was issued 2020-06-09T11:01:35+00:00 and has expired.');
    expect(server.seen.filter((r) => r.path.startsWith('/gridpoints/'))).toHaveLength(3);
  });

  it('keeps the forecast when only the alerts fail, and says why the warnings are missing', async () => {
    server.script('/alerts/active', [problem('{"title":"Unexpected Problem","status":500,"detail":"An unexpected problem has occurred."}', 500)]);

    const forecast = await provider.fetch(zone);

    expect({ hours: forecast.hours.length > 0, warningsError: forecast.warningsError }).toEqual({ hours: true, warningsError: 'nws alerts: HTTP 500 from /alerts/active: Unexpected Problem: An unexpected problem has occurred.' });
  });

  it('rejects interval times without an offset, naming the layer and value', async () => {
    const body = grid();
    body.properties.snowfallAmount!.values[1]!.validTime = '2022-02-04T00:00:00/PT6H';
    server.script('/gridpoints/', [geo(JSON.stringify(body))]);

    expect((await failureOf())?.reason).toBe('properties.snowfallAmount.values[1].validTime: start "2022-02-04T00:00:00" is not a date-time with an offset');
  });

  it('rejects a unit it cannot convert', async () => {
    const body = grid();
    body.properties.snowfallAmount!.uom = 'wmoUnit:furlong';
    server.script('/gridpoints/', [geo(JSON.stringify(body))]);

    expect((await failureOf())?.reason).toBe('properties.snowfallAmount.uom: unit "wmoUnit:furlong" is not a length unit snowops can convert');
  });

  it('converts snowfall given in cm and rejects 9999 cm as not credible', async () => {
    const body = grid();
    body.properties.snowfallAmount = { uom: 'wmoUnit:cm', values: [{ validTime: '2022-02-03T21:00:00+00:00/PT3H', value: 9999 }, ...body.properties.snowfallAmount!.values.slice(1)] };
    server.script('/gridpoints/', [geo(JSON.stringify(body))]);

    expect((await failureOf())?.reason).toMatch(/^properties\.snowfallAmount\.values\[0\]\.value: 9999 wmoUnit:cm over 3 h is 33330 per hour in SI, outside the credible 0…500$/);
  });

  it('revalidates with If-Modified-Since and reuses its copy on 304 Not Modified', async () => {
    const lastModified = 'Fri, 04 Feb 2022 03:15:41 GMT';
    server.script('/gridpoints/', [{ ...geo(fixtureText(NWS_GRID)), headers: { 'content-type': 'application/geo+json', 'last-modified': lastModified } }, { status: 304, headers: { 'last-modified': lastModified }, body: '' }]);

    const first = await provider.fetch(zone);
    const second = await provider.fetch(zone);

    const gridRequests = server.seen.filter((r) => r.path.startsWith('/gridpoints/'));
    expect(gridRequests[1]?.headers['if-modified-since']).toBe(lastModified);
    expect(second.hours).toEqual(first.hours);
  });
});
