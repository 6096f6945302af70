import { describe, expect, it } from 'vitest';
import type { ForecastHour, HourlyForecast } from '../../../functions/core/forecast/HourlyForecast.ts';
import { HOURS_AHEAD, snowWaterAhead } from '../../../functions/core/forecast/snowWaterAhead.ts';

const START = Date.parse('2026-12-14T00:00:00Z');
const hour = (i: number, snowWaterMm: number | null): ForecastHour => ({ time: new Date(START + i * 3_600_000).toISOString(), snowWaterMm, snowfallCm: null, precipitationMm: null, temperatureC: null, snowDepthCm: null });
const forecast = (hours: ForecastHour[]): HourlyForecast => ({ provider: 'open-meteo', latitude: 35.2, longitude: 113.2, fetchedAt: '2026-12-14T00:00:00Z', hours });

describe('snowWaterAhead', () => {
  it('starts at the hour holding now and drops the hours already past', () => {
    const ahead = snowWaterAhead(forecast([hour(0, 1), hour(1, 2), hour(2, 3)]), new Date(START + 90 * 60_000));
    expect(ahead).toEqual({ from: '2026-12-14T01:00:00.000Z', snowWaterMm: [2, 3] });
  });

  it('keeps a gap the provider left as a gap, never a zero, and invents nothing after the last hour', () => {
    const ahead = snowWaterAhead(forecast([hour(0, 0.5), hour(1, null), hour(3, 1.25)]), new Date(START));
    expect(ahead.snowWaterMm).toEqual([0.5, null, null, 1.25]);
  });

  it(`reaches at most ${HOURS_AHEAD} hours ahead`, () => {
    const ahead = snowWaterAhead(forecast(Array.from({ length: 72 }, (_, i) => hour(i, 0.1))), new Date(START));
    expect(ahead.snowWaterMm).toHaveLength(HOURS_AHEAD);
  });
});
