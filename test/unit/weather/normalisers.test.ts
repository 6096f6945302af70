import { describe, expect, it } from 'vitest';
import { checkHours } from '../../../functions/adapters/weather/checkHours.ts';
import { describeErrorBody } from '../../../functions/adapters/weather/http/describeErrorBody.ts';
import { retryDelay, shouldRetry } from '../../../functions/adapters/weather/http/retryPolicy.ts';
import { normaliseMetno } from '../../../functions/adapters/weather/metno/normaliseMetno.ts';
import { normaliseNwsGrid } from '../../../functions/adapters/weather/nws/normaliseNwsGrid.ts';
import { normaliseOpenMeteo } from '../../../functions/adapters/weather/normaliseOpenMeteo.ts';
import { normaliseQWeatherWarnings } from '../../../functions/adapters/weather/warnings/normaliseQWeatherWarnings.ts';
import { ForecastValidationError } from '../../../functions/core/errors/ForecastValidationError.ts';
import { fixtureText, metnoBody, NWS_GRID, QWEATHER_V7 } from '../../support/weather/fixtures.ts';
import { snowHours, T0 } from '../../support/weather/hours.ts';
import { openMeteoBody } from '../../support/weather/openMeteoBody.ts';
import { AxiosError, AxiosHeaders } from 'axios';

const FETCHED = '2026-12-14T00:00:00.000Z';

describe('normaliseOpenMeteo', () => {
  it('converts snowfall cm to snow water mm by 10 / 7 and snow depth m to cm', () => {
    const body = openMeteoBody([0.7, 1.4]);
    (body.hourly as { snow_depth: number[] }).snow_depth = [0.05, 0.07];

    const [a, b] = normaliseOpenMeteo(body, FETCHED, { maxGapHours: 6, horizonHours: 48 }).hours;

    expect([a?.snowWaterMm, b?.snowWaterMm, a?.snowDepthCm, b?.snowDepthCm]).toEqual([1, 2, 5, 7]);
  });

  it('keeps a null as a gap, never a zero', () => {
    const hours = normaliseOpenMeteo(openMeteoBody([1, null, 1]), FETCHED).hours;

    expect(hours.map((h) => [h.snowfallCm, h.snowWaterMm])).toEqual([[1, 1.429], [null, null], [1, 1.429]]);
  });

  it('reads local times with utc_offset_seconds', () => {
    const body = { ...openMeteoBody([0]), utc_offset_seconds: 28_800 };

    expect(normaliseOpenMeteo(body, FETCHED).hours[0]?.time).toBe('2026-12-13T16:00:00.000Z');
  });

  it('accepts a variable the model lacks ("undefined" unit, null values) as gaps', () => {
    const body = openMeteoBody([0, 0]) as { hourly_units: Record<string, string>; hourly: Record<string, unknown[]> };
    body.hourly_units.rain = 'undefined';
    body.hourly.rain = [null, null];

    expect(normaliseOpenMeteo(body, FETCHED).hours[0]?.liquidMm).toBeNull();
  });

  it('turns the provider\'s error body into a validation error with its reason', () => {
    expect(() => normaliseOpenMeteo({ error: true, reason: 'Daily API request limit exceeded.' }, FETCHED)).toThrow('open-meteo: body: provider error: Daily API request limit exceeded.');
  });
});

describe('normaliseNwsGrid (recorded TAE 58,65)', () => {
  const forecast = normaliseNwsGrid(JSON.parse(fixtureText(NWS_GRID)), { latitude: 30, longitude: -85 }, '2022-02-04T03:20:00Z');

  it('covers every hour of the layers, from the first interval to the last', () => {
    expect({ first: forecast.hours[0]?.time, count: forecast.hours.length }).toEqual({ first: '2022-02-03T21:00:00.000Z', count: 169 });
  });

  it('spreads a 6-hour precipitation amount evenly over its hours', () => {
    const body = JSON.parse(fixtureText(NWS_GRID)) as { properties: Record<string, { values: { validTime: string; value: number }[] }> };
    body.properties.quantitativePrecipitation!.values[1] = { validTime: '2022-02-04T00:00:00+00:00/PT6H', value: 6 };

    const spread = normaliseNwsGrid(body, { latitude: 30, longitude: -85 }, '2022-02-04T03:20:00Z').hours.slice(3, 9).map((h) => h.precipitationMm);

    expect(spread).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('reads snowfallAmount as snow depth and takes snow water from the hour\'s QPF: 12.7 mm of snow on 1.2 mm of QPF is 1.27 cm, 1.2 mm water', () => {
    const body = JSON.parse(fixtureText(NWS_GRID)) as { properties: Record<string, { values: { validTime: string; value: number }[] }> };
    body.properties.snowfallAmount!.values[0] = { validTime: '2022-02-03T21:00:00+00:00/PT1H', value: 12.7 };
    body.properties.quantitativePrecipitation!.values[0] = { validTime: '2022-02-03T21:00:00+00:00/PT1H', value: 1.2 };

    const [first] = normaliseNwsGrid(body, { latitude: 30, longitude: -85 }, '2022-02-04T03:20:00Z').hours;

    expect([first?.snowfallCm, first?.snowWaterMm, first?.snowWaterFrom]).toEqual([1.27, 1.2, 'nws quantitativePrecipitation (liquid equivalent), phase from snowfallAmount']);
  });
});

describe('normaliseMetno (recorded Beijing 2020-07-20)', () => {
  const body = () => JSON.parse(metnoBody()) as { properties: { timeseries: { time: string; data: Record<string, { summary?: { symbol_code: string }; details?: Record<string, number> }> }[] } };

  it('spreads a 6-hour block over the hours no 1-hour period covers, less what those hold', () => {
    const b = body();
    const entry = (time: string, data: Record<string, unknown>) => ({ time, data: { instant: { details: { air_temperature: -1 } }, ...data } });
    const p = (mm: number) => ({ summary: { symbol_code: 'snow' }, details: { precipitation_amount: mm } });
    b.properties.timeseries = [
      entry('2026-12-14T00:00:00Z', { next_1_hours: p(1), next_6_hours: p(6) }),
      entry('2026-12-14T01:00:00Z', { next_1_hours: p(1) }),
      entry('2026-12-14T06:00:00Z', { next_6_hours: p(3) }),
    ] as never;

    const hours = normaliseMetno(b, FETCHED).hours;

    expect(hours.map((h) => h.precipitationMm)).toEqual([1, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(hours.map((h) => h.temperatureC)).toEqual([-1, -1, null, null, null, null, -1, null, null, null, null, null]);
  });

  it('counts precipitation under a snow symbol as snow water and sleet as half', () => {
    const b = body();
    b.properties.timeseries[0]!.data.next_1_hours = { summary: { symbol_code: 'heavysnow' }, details: { precipitation_amount: 2 } };
    b.properties.timeseries[1]!.data.next_1_hours = { summary: { symbol_code: 'sleet' }, details: { precipitation_amount: 2 } };

    const [snow, sleet] = normaliseMetno(b, FETCHED).hours;

    expect([snow?.snowWaterMm, snow?.snowfallCm, sleet?.snowWaterMm, sleet?.liquidMm]).toEqual([2, 1.4, 1, 1]);
  });
});

describe('normaliseQWeatherWarnings', () => {
  it('reads the documented v7 sample: a blue wind warning with +08:00 times', () => {
    expect(normaliseQWeatherWarnings(JSON.parse(fixtureText(QWEATHER_V7)))).toEqual([{
      source: 'qweather', id: '10102010020230403103000500681616', event: '大风', code: '1006', colour: 'blue', severity: 'Minor', urgency: undefined, certainty: undefined,
      messageType: 'Alert', onset: '2023-04-03T02:30:00.000Z', ends: '2023-04-04T02:30:00.000Z', headline: '上海中心气象台发布大风蓝色预警[Ⅳ级/一般]',
    }]);
  });

  it('reads the v1 shape (lowercase colour code, nulls for unknowns, cancel messages)', () => {
    const [w] = normaliseQWeatherWarnings({ metadata: { zeroResult: false }, alerts: [{ id: 'a1', messageType: { code: 'cancel' }, eventType: { name: '暴雪', code: '1004' }, severity: 'severe', urgency: null, certainty: null, color: { code: 'orange' }, onsetTime: '2026-12-14T08:00+08:00', expiredTime: '2026-12-15T08:00+08:00' }] });

    expect({ event: w?.event, colour: w?.colour, messageType: w?.messageType, onset: w?.onset }).toEqual({ event: '暴雪', colour: 'orange', messageType: 'cancel', onset: '2026-12-14T00:00:00.000Z' });
  });
});

describe('checkHours', () => {
  it('allows a gap shorter than the limit', () => {
    expect(() => checkHours('p', 'h', snowHours([1, null, null, null, null, null, 1]))).not.toThrow();
  });

  it('refuses a gap of the limit or longer near the front, saying where', () => {
    expect(() => checkHours('p', 'h', snowHours([1, null, null, null, null, null, null, 1]))).toThrow(new ForecastValidationError('p', 'h', 'no snowfall data for 6 consecutive hours from 2026-12-14T01:00:00.000Z (at most 5 allowed in the first 48 h)'));
  });

  it('counts missing hours as a gap', () => {
    const hours = snowHours([1, 1]);
    hours[1] = { ...hours[1]!, time: new Date(Date.parse(T0) + 8 * 3_600_000).toISOString() };

    expect(() => checkHours('p', 'h', hours)).toThrow(/7 consecutive hours/);
  });

  it('refuses hours that do not increase', () => {
    expect(() => checkHours('p', 'h', [...snowHours([1, 1]), ...snowHours([1])])).toThrow(/times must increase/);
  });
});

describe('HTTP error bodies and retry policy', () => {
  const err = (status: number | undefined, headers: Record<string, string> = {}, code?: string) => {
    const e = new AxiosError('x', code);
    if (status !== undefined) e.response = { status, statusText: '', headers: new AxiosHeaders(headers), config: { headers: new AxiosHeaders() }, data: '' };
    return e;
  };
  const options = { retries: 2, retryBaseMs: 100, maxRetryAfterMs: 5000 };

  it.each([
    { body: '{"title":"Forecast Grid Expired","detail":"The requested forecast grid … has expired."}', said: 'Forecast Grid Expired: The requested forecast grid … has expired.' },
    { body: '{"error":true,"reason":"Daily API request limit exceeded."}', said: 'Daily API request limit exceeded.' },
    { body: '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD></HTML>', said: 'HTML page "Access Denied"' },
    { body: '', said: 'empty body' },
  ])('describes $said', ({ body, said }) => {
    expect(describeErrorBody(body)).toBe(said);
  });

  it.each([
    { name: '429', e: err(429), retry: true },
    { name: '503', e: err(503), retry: true },
    { name: '404', e: err(404), retry: false },
    { name: '403', e: err(403), retry: false },
    { name: '429 asking for more than we may wait', e: err(429, { 'retry-after': '60' }), retry: false },
    { name: 'a reset connection', e: err(undefined, {}, 'ECONNRESET'), retry: true },
    { name: 'a timeout', e: err(undefined, {}, 'ECONNABORTED'), retry: false },
  ])('retries $name: $retry', ({ e, retry }) => {
    expect(shouldRetry(e, options)).toBe(retry);
  });

  it('backs off exponentially with jitter between half and all of the step', () => {
    const delays = [1, 2, 3].flatMap((n) => [retryDelay(n, err(503), options, () => 0), retryDelay(n, err(503), options, () => 1)]);

    expect(delays).toEqual([50, 100, 100, 200, 200, 400]);
  });

  it('never waits less than Retry-After', () => {
    expect(retryDelay(1, err(429, { 'retry-after': '2' }), options, () => 0)).toBe(2000);
  });
});
