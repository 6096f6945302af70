import { describe, expect, it } from 'vitest';
import { normaliseMetno } from '../../../functions/adapters/weather/metno/normaliseMetno.ts';
import { normaliseNwsGrid } from '../../../functions/adapters/weather/nws/normaliseNwsGrid.ts';
import { normaliseOpenMeteo } from '../../../functions/adapters/weather/normaliseOpenMeteo.ts';
import { CMA_BLIZZARD_THRESHOLDS } from '../../../functions/core/registry/CityPlan.ts';
import { assessForecast } from '../../../functions/core/triggers/assessForecast.ts';
import { maxWindowSum } from '../../../functions/core/triggers/maxWindowSum.ts';
import { fixtureText, metnoBody, NWS_GRID_COLD_SNOW, NWS_GRID_NO_SNOW_LAYER, NWS_GRID_RAIN_TO_SNOW } from '../../support/weather/fixtures.ts';
import { openMeteoBody } from '../../support/weather/openMeteoBody.ts';

const PLAN = { blizzardThresholds: CMA_BLIZZARD_THRESHOLDS };
const nws = (name: string, fetchedAt: string) => normaliseNwsGrid(JSON.parse(fixtureText(name)), { latitude: 44.9, longitude: -93.2 }, fetchedAt);
type Grid = { properties: Record<string, { uom?: string; values: { validTime: string; value: unknown }[] }> };

describe('snow water from NWS quantitativePrecipitation', () => {
  // MPX 108,72, 2024-01-12: a cold, dry snow; NWS forecasts 10:1 to 16:1 snow on its QPF.
  const fetchedAt = '2024-01-12T20:08:53Z';
  const cold = nws(NWS_GRID_COLD_SNOW, fetchedAt);

  it('judges a real cold-snow forecast on its QPF: below blue, where the fixed 7 : 10 ratio on snowfall gave level III', () => {
    const byRatio = maxWindowSum(cold.hours, 12, (h) => (h.snowfallCm === null ? null : h.snowfallCm / 0.7));
    const byQpf = maxWindowSum(cold.hours, 12, (h) => h.snowWaterMm);

    expect({ ratioMm: byRatio!.sum, qpfBelowBlue: byQpf!.sum < 4, level: assessForecast(cold, PLAN, new Date(fetchedAt)).level }).toEqual({ ratioMm: 8.709, qpfBelowBlue: true, level: 'none' });
  });

  it('says in the evidence which number was used and from which layer', () => {
    const body = JSON.parse(fixtureText(NWS_GRID_COLD_SNOW)) as Grid;
    body.properties.quantitativePrecipitation!.values[2] = { validTime: '2024-01-13T00:00:00+00:00/PT6H', value: 12 };

    const evidence = assessForecast(normaliseNwsGrid(body, { latitude: 44.9, longitude: -93.2 }, fetchedAt), PLAN, new Date(fetchedAt)).evidence[0]!;

    expect({ rule: evidence.rule, basis: evidence.basis }).toEqual({ rule: 'blizzard-6h', basis: 'nws quantitativePrecipitation (liquid equivalent), phase from snowfallAmount' });
    expect(evidence.text).toContain('[nws quantitativePrecipitation (liquid equivalent), phase from snowfallAmount]');
  });

  it('uses the ratio only for hours no QPF covers, and says so', () => {
    const body = JSON.parse(fixtureText(NWS_GRID_COLD_SNOW)) as Grid;
    body.properties.quantitativePrecipitation!.values.splice(2, 1); // 2024-01-13T00:00/PT6H: 35.56 mm of snow, no QPF left

    const hour = normaliseNwsGrid(body, { latitude: 44.9, longitude: -93.2 }, fetchedAt).hours.find((h) => h.time === '2024-01-13T00:00:00.000Z')!;

    expect([hour.snowWaterMm, hour.snowWaterFrom]).toEqual([0.847, 'nws snowfallAmount ÷ 0.7 (ratio: no quantitativePrecipitation for the hour)']);
  });

  it('counts rain as rain: QPF in hours with snowfallAmount 0 is no snow water, and is liquid for road icing', () => {
    const wet = nws(NWS_GRID_RAIN_TO_SNOW, '2024-01-08T21:44:30Z').hours.find((h) => h.time === '2024-01-09T00:00:00.000Z')!;

    expect({ water: wet.snowWaterMm, precipitation: wet.precipitationMm }).toEqual({ water: 0, precipitation: 1.905 });
  });

  it('decides the phase from the weather layer where snowfallAmount says nothing: snow alone is all snow, with rain half', () => {
    const body = JSON.parse(fixtureText(NWS_GRID_COLD_SNOW)) as Grid;
    body.properties.snowfallAmount!.values = [];
    body.properties.weather!.values = [
      { validTime: '2024-01-13T00:00:00+00:00/PT3H', value: [{ coverage: 'likely', weather: 'snow', intensity: 'light', attributes: [] }] },
      { validTime: '2024-01-13T03:00:00+00:00/PT3H', value: [{ coverage: 'chance', weather: 'rain', attributes: [] }, { coverage: 'chance', weather: 'snow', attributes: [] }] },
    ];

    const hours = normaliseNwsGrid(body, { latitude: 44.9, longitude: -93.2 }, fetchedAt).hours.filter((h) => h.time >= '2024-01-13T00:00' && h.time < '2024-01-13T06:00');

    expect(hours.map((h) => h.snowWaterMm)).toEqual([0.381, 0.381, 0.381, 0.191, 0.191, 0.191]);
  });
});

describe('an empty NWS layer', () => {
  it('reads snowfallAmount {"values": []} with QPF and weather as no snow forecast, not as a failed poll', () => {
    const florida = nws(NWS_GRID_NO_SNOW_LAYER, '2022-02-03T19:22:03Z');

    expect({ hours: florida.hours.length, snowy: florida.hours.filter((h) => h.snowWaterMm !== 0).length, level: assessForecast(florida, PLAN, new Date('2022-02-03T19:22:03Z')).level }).toEqual({ hours: 185, snowy: 0, level: 'none' });
  });

  it('still refuses a forecast with no precipitation or snowfall values at all', () => {
    const body = JSON.parse(fixtureText(NWS_GRID_NO_SNOW_LAYER)) as Grid;
    body.properties.quantitativePrecipitation!.values = [];

    expect(() => normaliseNwsGrid(body, { latitude: 27.9, longitude: -82.5 }, '2022-02-03T19:22:03Z')).toThrow('nws: properties.quantitativePrecipitation.values: no precipitation values at all (and no snowfallAmount)');
  });
});

describe('snow water from Open-Meteo precipitation less rain and showers', () => {
  const withLiquid = () => {
    const body = openMeteoBody([0.7, 1.4, 0]) as { hourly: Record<string, (number | null)[]>; hourly_units: Record<string, string> };
    body.hourly.precipitation = [1.2, 2.5, 3];
    body.hourly.rain = [0.2, 0, 3];
    body.hourly.showers = [0, 0.5, 0];
    body.hourly_units.rain = 'mm';
    body.hourly_units.showers = 'mm';
    return body;
  };

  it('subtracts rain and showers from precipitation, hour by hour, and names the basis', () => {
    const hours = normaliseOpenMeteo(withLiquid(), '2026-12-14T00:00:00Z').hours.slice(0, 3);

    expect(hours.map((h) => [h.snowWaterMm, h.snowWaterFrom ?? null])).toEqual([
      [1, 'open-meteo precipitation − rain − showers (liquid equivalent)'],
      [2, 'open-meteo precipitation − rain − showers (liquid equivalent)'],
      [0, null],
    ]);
  });

  it('falls back to snowfall ÷ 0.7 without rain and showers, and says it is a ratio', () => {
    const [hour] = normaliseOpenMeteo(openMeteoBody([0.7]), '2026-12-14T00:00:00Z', { maxGapHours: 6, horizonHours: 48 }).hours;

    expect([hour?.snowWaterMm, hour?.snowWaterFrom]).toEqual([1, 'open-meteo snowfall ÷ 0.7 (ratio: no rain and showers to subtract)']);
  });
});

describe('snow water from MET Norway precipitation_amount', () => {
  it('takes the liquid amount and names the phase source', () => {
    const body = JSON.parse(metnoBody()) as { properties: { timeseries: { data: Record<string, { summary?: { symbol_code: string }; details?: Record<string, number> }> }[] } };
    body.properties.timeseries[0]!.data.next_1_hours = { summary: { symbol_code: 'heavysnow' }, details: { precipitation_amount: 2.4 } };

    const [first] = normaliseMetno(body, '2020-07-20T10:00:00Z').hours;

    expect([first?.snowWaterMm, first?.snowWaterFrom]).toEqual([2.4, 'met-norway precipitation_amount (liquid equivalent), phase from symbol_code']);
  });
});
