import { describe, expect, it } from 'vitest';
import { normaliseOpenMeteo } from '../../../functions/adapters/weather/normaliseOpenMeteo.ts';
import { openMeteoBody } from '../../support/weather/openMeteoBody.ts';

type Body = { hourly: Record<string, (number | string | null)[]>; hourly_units: Record<string, string> } & Record<string, unknown>;
const FETCHED = '2026-12-14T00:00:00Z';
const LIMITS = { maxGapHours: 6, horizonHours: 48 };

/** A body with one hour and wind gusts, as Open-Meteo answers with its default units (km/h) unless told otherwise. */
function body(): Body {
  const b = openMeteoBody([1.4]) as Body;
  b.hourly.wind_gusts_10m = [36];
  b.hourly_units.wind_gusts_10m = 'km/h';
  return b;
}

describe('Open-Meteo units', () => {
  it.each([
    ['km/h', 36, 10],
    ['m/s', 10, 10],
    ['mp/h', 22.369, 10],
    ['kn', 19.438, 10],
  ])('reads wind gusts in %s', (unit, value, ms) => {
    const b = body();
    b.hourly.wind_gusts_10m = [value];
    b.hourly_units.wind_gusts_10m = unit;

    expect(normaliseOpenMeteo(b, FETCHED, LIMITS).hours[0]!.windGustMs).toBeCloseTo(ms, 2);
  });

  it('reads temperature in °F', () => {
    const b = body();
    b.hourly.temperature_2m = [28.4];
    b.hourly_units.temperature_2m = '°F';

    expect(normaliseOpenMeteo(b, FETCHED, LIMITS).hours[0]!.temperatureC).toBe(-2);
  });

  it('reads precipitation_unit=inch: snowfall and precipitation in inches, snow depth in feet', () => {
    const b = body();
    Object.assign(b.hourly, { snowfall: [0.551], precipitation: [0.079], snow_depth: [0.5] });
    Object.assign(b.hourly_units, { snowfall: 'inch', precipitation: 'inch', snow_depth: 'ft' });

    const [h] = normaliseOpenMeteo(b, FETCHED, LIMITS).hours;

    expect([h!.snowfallCm, h!.precipitationMm, h!.snowDepthCm]).toEqual([1.4, 2.007, 15.24]);
  });

  it('reads timeformat=unixtime as UTC seconds, whatever utc_offset_seconds says', () => {
    const b = body();
    b.hourly.time = [1_797_206_400];
    b.hourly_units.time = 'unixtime';
    b.utc_offset_seconds = 28_800;

    expect(normaliseOpenMeteo(b, FETCHED, LIMITS).hours[0]!.time).toBe('2026-12-14T00:00:00.000Z');
  });

  it('refuses an unknown unit, naming the field and the unit', () => {
    const b = body();
    b.hourly_units.wind_gusts_10m = 'furlong/fortnight';

    expect(() => normaliseOpenMeteo(b, FETCHED, LIMITS)).toThrow('open-meteo: hourly_units.wind_gusts_10m: unit "furlong/fortnight" is not a speed unit snowops can convert (m/s, km/h, mp/h, mph, kn, kt)');
  });

  it('refuses string times when hourly_units.time says unixtime', () => {
    const b = body();
    b.hourly_units.time = 'unixtime';

    expect(() => normaliseOpenMeteo(b, FETCHED, LIMITS)).toThrow('open-meteo: hourly.time.0: time must be whole UNIX seconds (hourly_units.time is unixtime), got "2026-12-14T00:00"');
  });

  it('checks credible ranges after conversion and shows the value as given', () => {
    const b = body();
    b.hourly.snowfall = [25];
    b.hourly_units.snowfall = 'inch';

    expect(() => normaliseOpenMeteo(b, FETCHED, LIMITS)).toThrow('open-meteo: hourly.snowfall.0: snowfall over 50 cm in an hour is not credible (25 inch)');
  });
});
