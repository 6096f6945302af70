import { describe, expect, it } from 'vitest';
import type { ForecastHour } from '../../../functions/core/forecast/HourlyForecast.ts';
import { hourAt, maxWindowSum } from '../../../functions/core/triggers/maxWindowSum.ts';
import { FORECAST_START, forecastHour, hoursOf, isoPlusHours } from '../../support/builders/forecast.ts';

const snowWater = (h: ForecastHour) => h.snowWaterMm;

describe('maxWindowSum', () => {
  it('returns the largest sum over any run of consecutive hours of the window length', () => {
    const hours = hoursOf([1, 0, 2, 3, 0, 1]);

    const best = maxWindowSum(hours, 2, snowWater);

    expect(best).toEqual({ sum: 5, startIndex: 2, gapHours: 0 });
  });

  it('reports the earliest window when two windows tie', () => {
    const hours = hoursOf([2, 0, 0, 2]);

    const best = maxWindowSum(hours, 1, snowWater);

    expect(best?.startIndex).toBe(0);
  });

  it('rounds the sum to the nearest thousandth of a millimetre so float drift does not miss a threshold', () => {
    const hours = hoursOf(Array.from({ length: 12 }, () => 4 / 12));

    const best = maxWindowSum(hours, 12, snowWater);

    expect(best?.sum).toBe(4);
  });

  it('returns undefined for a forecast with no hours', () => {
    expect(maxWindowSum([], 6, snowWater)).toBeUndefined();
  });

  it('returns undefined rather than a zero sum when every hour is a gap', () => {
    const hours = hoursOf([null, null, null, null]);

    expect(maxWindowSum(hours, 2, snowWater)).toBeUndefined();
  });

  it('returns a zero sum with no gaps for a forecast of dry hours', () => {
    const hours = hoursOf([0, 0, 0, 0]);

    expect(maxWindowSum(hours, 2, snowWater)).toEqual({ sum: 0, startIndex: 0, gapHours: 0 });
  });

  it('counts the blank hours inside the deciding window as gaps', () => {
    const hours = hoursOf([3, null, 2, null, 0, 0]);

    const best = maxWindowSum(hours, 4, snowWater);

    expect(best).toEqual({ sum: 5, startIndex: 0, gapHours: 2 });
  });

  it('does not count blank hours outside the deciding window', () => {
    const hours = hoursOf([null, null, 0, 4, 1, 0]);

    const best = maxWindowSum(hours, 2, snowWater);

    expect(best).toEqual({ sum: 5, startIndex: 3, gapHours: 0 });
  });

  it('treats an hour missing from the series as a gap, not as a neighbour', () => {
    // 00:00 and 06:00 only: six hours apart, so no two-hour window holds both.
    const hours = [forecastHour(FORECAST_START, 3), forecastHour(isoPlusHours(FORECAST_START, 6), 3)];

    const best = maxWindowSum(hours, 2, snowWater);

    expect(best).toEqual({ sum: 3, startIndex: 0, gapHours: 1 });
  });

  it('places windows by time, so a value after a missing hour keeps its true start index', () => {
    const hours = [forecastHour(FORECAST_START, 0), forecastHour(isoPlusHours(FORECAST_START, 3), 5)];

    const best = maxWindowSum(hours, 1, snowWater);

    expect(best?.startIndex).toBe(3);
  });

  it('sums a forecast shorter than the window over all its hours', () => {
    const hours = hoursOf([1, 2, 1]);

    const best = maxWindowSum(hours, 12, snowWater);

    expect(best?.sum).toBe(4);
  });

  it('counts the hours of the window beyond the end of a short forecast as gaps', () => {
    const hours = hoursOf([1, 2, 1]);

    const best = maxWindowSum(hours, 12, snowWater);

    expect(best?.gapHours).toBe(9);
  });
});

describe('hourAt', () => {
  it('gives the UTC time a number of hours after the first forecast hour', () => {
    const hours = hoursOf([0, 0]);

    expect(hourAt(hours, 30)).toBe('2026-12-15T06:00:00.000Z');
  });
});
