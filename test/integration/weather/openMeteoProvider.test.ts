import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenMeteoProvider } from '../../../functions/adapters/weather/OpenMeteoProvider.ts';
import { fetchWithFallback } from '../../../functions/core/poll/fetchWithFallback.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { startScriptedServer, type ScriptedServer } from '../../support/weather/scriptedServer.ts';

const clock = { now: () => new Date('2026-12-14T00:00:00Z') };
const zone: Zone = { id: 'jiefang', name: '解放区', responsibleUnit: 'unit', latitude: 35.24, longitude: 113.227, providers: ['open-meteo'] };
const ok = (body = openMeteoBody(snowCm(14, 6, 2))) => ({ status: 200, body: JSON.stringify(body) });

let server: ScriptedServer;
let provider: OpenMeteoProvider;
beforeAll(async () => { server = await startScriptedServer(); });
afterAll(async () => { await server.close(); });
beforeEach(() => {
  server.seen.length = 0;
  provider = new OpenMeteoProvider({ baseUrl: server.baseUrl, timeoutMs: 300, retries: 2, retryBaseMs: 5, maxRetryAfterMs: 1500 }, clock);
});

const failureOf = async () => (await fetchWithFallback(zone, new Map([['open-meteo', provider]]))).failures[0];

describe('OpenMeteoProvider against a localhost server', () => {
  it('asks for the hourly variables in SI units at GMT and normalises the answer', async () => {
    server.script('/v1/forecast', [ok()]);

    const forecast = await provider.fetch(zone);

    const query = new URL(server.seen[0]!.path, 'http://x').searchParams;
    expect({ hourly: query.get('hourly'), timezone: query.get('timezone'), wind: query.get('wind_speed_unit'), lat: query.get('latitude') }).toEqual({ hourly: 'snowfall,precipitation,rain,showers,temperature_2m,snow_depth,weather_code,wind_gusts_10m', timezone: 'GMT', wind: 'ms', lat: '35.2400' });
    expect(forecast.hours[2]).toMatchObject({ time: '2026-12-14T02:00:00.000Z', snowfallCm: 2.333, snowWaterMm: 3.333 });
  });

  it('waits as long as a 429\'s Retry-After asks, then succeeds', async () => {
    server.script('/v1/forecast', [{ status: 429, headers: { 'retry-after': '1' }, body: '{"error":true,"reason":"Minutely API request limit exceeded. Please try again in one minute."}' }, ok()]);

    await provider.fetch(zone);

    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('does not wait for a Retry-After longer than allowed: it fails with the provider\'s reason', async () => {
    server.script('/v1/forecast', [{ status: 429, headers: { 'retry-after': '3600' }, body: '{"error":true,"reason":"Daily API request limit exceeded. Please try again tomorrow."}' }]);

    const failure = await failureOf();

    expect(failure?.reason).toBe('HTTP 429 from /v1/forecast: Daily API request limit exceeded. Please try again tomorrow. (Retry-After 3600)');
    expect(server.seen).toHaveLength(1);
  });

  it('retries a 503 with backoff and reports the last answer when it persists', async () => {
    server.script('/v1/forecast', [{ status: 503, headers: { 'content-type': 'text/html' }, body: '<html><head><title>503 Service Temporarily Unavailable</title></head></html>' }]);

    const failure = await failureOf();

    expect(server.seen).toHaveLength(3);
    expect(failure?.reason).toBe('HTTP 503 from /v1/forecast: HTML page "503 Service Temporarily Unavailable"');
  });

  it('recovers when a 502 is followed by a good answer', async () => {
    server.script('/v1/forecast', [{ status: 502, body: 'Bad Gateway' }, ok()]);

    const forecast = await provider.fetch(zone);

    expect({ requests: server.seen.length, hours: forecast.hours.length }).toEqual({ requests: 2, hours: 72 });
  });

  it('does not retry a 400: the request itself is wrong', async () => {
    server.script('/v1/forecast', [{ status: 400, body: '{"error":true,"reason":"Latitude must be in range of -90 to 90°. Given: 522.52."}' }]);

    const failure = await failureOf();

    expect({ requests: server.seen.length, reason: failure?.reason }).toEqual({ requests: 1, reason: 'HTTP 400 from /v1/forecast: Latitude must be in range of -90 to 90°. Given: 522.52.' });
  });

  it('gives up on a server that hangs past the timeout, without retrying', async () => {
    server.script('/v1/forecast', ['hang']);
    const started = Date.now();

    const failure = await failureOf();

    expect(failure?.reason).toBe('/v1/forecast: no answer within 300 ms (timeout)');
    expect({ requests: server.seen.length, quick: Date.now() - started < 2000 }).toEqual({ requests: 1, quick: true });
  });

  it('reports an unreachable server as a network error', async () => {
    const offline = new OpenMeteoProvider({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 300, retries: 1, retryBaseMs: 5 }, clock);

    const { failures } = await fetchWithFallback(zone, new Map([['open-meteo', offline]]));

    expect(failures[0]?.reason).toMatch(/^\/v1\/forecast: ECONNREFUSED/);
  });
});
