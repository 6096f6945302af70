import { describe, expect, it } from 'vitest';
import type { OfficialWarning } from '../../../functions/core/forecast/OfficialWarning.ts';
import { assessForecast } from '../../../functions/core/triggers/assessForecast.ts';
import { forecast, hour, plan, plus, snowHours, storm, T0 } from '../../support/weather/hours.ts';

const at = (iso: string) => new Date(iso);

describe('assessForecast: blizzard windows and lead time', () => {
  it('activates a level whose snow begins within the lead time', () => {
    const hours = snowHours(storm(10, 6, 3));

    const result = assessForecast(forecast(hours), plan(), at(T0));

    expect({ level: result.level, dueLevel: result.dueLevel, watch: result.watch }).toEqual({ level: 'II', dueLevel: 'II', watch: false });
  });

  it('makes a level whose snow begins beyond the lead time a watch, not an activation', () => {
    const hours = snowHours(storm(10, 6, 7));

    const result = assessForecast(forecast(hours), plan({ leadTimeHours: 6 }), at(T0));

    expect({ level: result.level, dueLevel: result.dueLevel, watch: result.watch, watchLevel: result.watchLevel }).toEqual({ level: 'II', dueLevel: 'none', watch: true, watchLevel: 'II' });
  });

  it('dates the watch from the first snowy hour of the earliest window that crosses the threshold', () => {
    const hours = snowHours(storm(10, 6, 20));

    const [top] = assessForecast(forecast(hours), plan(), at(T0)).evidence;

    expect({ startsAt: top?.startsAt, watch: top?.watch }).toEqual({ startsAt: plus(T0, 20), watch: true });
  });

  it('counts snow already fallen only in windows that reach the current hour', () => {
    const hours = snowHours(storm(15, 6, 0, 48));

    const result = assessForecast(forecast(hours), plan(), at(plus(T0, 12)));

    expect(result.level).toBe('none');
  });

  it('keeps a storm that is still falling at its level ("already reached and continuing")', () => {
    const hours = snowHours(storm(15, 6, 0, 48));

    const result = assessForecast(forecast(hours), plan(), at(plus(T0, 5)));

    expect(result.level).toBe('I');
  });

  it('lists every rule that fired with its numbers, most severe first', () => {
    const hours = snowHours(storm(15, 6, 1));

    const evidence = assessForecast(forecast(hours), plan(), at(T0)).evidence;

    expect(evidence.map((e) => [e.rule, e.level, e.value, e.threshold])).toEqual([
      ['blizzard-6h', 'I', 15, 15], ['blizzard-6h', 'II', 15, 10], ['blizzard-12h', 'III', 15, 6], ['blizzard-12h', 'IV', 15, 4],
    ]);
  });
});

describe('assessForecast: road icing (CMA 道路结冰: yellow 12 h, orange 6 h, red 2 h)', () => {
  const freezingRainAt = (offset: number, fields = {}) => [
    ...snowHours(storm(0, 1, 0, 24)).map((h, i) => (i === offset ? hour(h.time, { precipitationMm: 0.5, snowWaterMm: 0, temperatureC: -1, ...fields }) : h)),
  ];

  it.each([
    { offset: 1, level: 'I' },
    { offset: 2, level: 'I' },
    { offset: 3, level: 'II' },
    { offset: 6, level: 'II' },
    { offset: 7, level: 'III' },
    { offset: 12, level: 'III' },
    { offset: 13, level: 'none' },
  ])('gives level $level to freezing rain $offset hours ahead', ({ offset, level }) => {
    const result = assessForecast(forecast(freezingRainAt(offset)), plan({ leadTimeHours: 24 }), at(T0));

    expect(result.level).toBe(level);
  });

  it('fires at exactly 0 °C', () => {
    expect(assessForecast(forecast(freezingRainAt(1, { temperatureC: 0 })), plan(), at(T0)).level).toBe('I');
  });

  it('does not fire above 0 °C', () => {
    expect(assessForecast(forecast(freezingRainAt(1, { temperatureC: 0.1 })), plan(), at(T0)).level).toBe('none');
  });

  it('does not fire on less liquid than the plan asks for', () => {
    expect(assessForecast(forecast(freezingRainAt(1, { precipitationMm: 0.09 })), plan(), at(T0)).level).toBe('none');
  });

  it('leaves snow to the blizzard rule: snow at −5 °C is not road icing', () => {
    const hours = snowHours(storm(1, 1, 1, 24)).map((h) => ({ ...h, temperatureC: -5 }));

    expect(assessForecast(forecast(hours), plan(), at(T0)).evidence.filter((e) => e.rule.startsWith('road-icing'))).toEqual([]);
  });

  it('fires on NWS ice accretion whatever the liquid figure', () => {
    const hours = freezingRainAt(1, { precipitationMm: null, iceMm: 0.3 });

    const top = assessForecast(forecast(hours), plan(), at(T0)).evidence[0];

    expect({ rule: top?.rule, value: top?.value, unit: top?.unit }).toEqual({ rule: 'road-icing-2h', value: 0.3, unit: 'mm ice accretion' });
  });

  it('does not read a gap in temperature as freezing', () => {
    expect(assessForecast(forecast(freezingRainAt(1, { temperatureC: null })), plan(), at(T0)).level).toBe('none');
  });
});

describe('assessForecast: official warnings', () => {
  const warning = (fields: Partial<OfficialWarning>): OfficialWarning => ({ source: 'nws', id: 'w1', event: 'Winter Storm Warning', onset: T0, ends: plus(T0, 12), ...fields });
  const dry = snowHours(storm(0, 1, 0, 24));
  const assessWith = (w: OfficialWarning[], now = T0) => assessForecast(forecast(dry, w), plan(), at(now));

  it.each([
    { event: 'Winter Weather Advisory', level: 'III' },
    { event: 'Winter Storm Warning', level: 'II' },
    { event: 'Lake Effect Snow Warning', level: 'II' },
    { event: 'Blizzard Warning', level: 'I' },
    { event: 'Ice Storm Warning', level: 'I' },
  ])('maps an NWS $event to level $level', ({ event, level }) => {
    expect(assessWith([warning({ event })]).level).toBe(level);
  });

  it.each([
    { colour: 'blue', level: 'IV' }, { colour: 'yellow', level: 'III' }, { colour: 'orange', level: 'II' }, { colour: 'red', level: 'I' },
  ] as const)('maps a QWeather 暴雪 (1004) $colour signal to level $level', ({ colour, level }) => {
    expect(assessWith([warning({ source: 'qweather', event: '暴雪', code: '1004', colour })]).level).toBe(level);
  });

  it('puts a Winter Storm Watch on watch and never activates on it', () => {
    const result = assessWith([warning({ event: 'Winter Storm Watch', code: 'WS.A' })]);

    expect({ level: result.level, dueLevel: result.dueLevel, watch: result.watch }).toEqual({ level: 'II', dueLevel: 'none', watch: true });
  });

  it('ignores a warning that has ended', () => {
    expect(assessWith([warning({ ends: plus(T0, 1) })], plus(T0, 2)).level).toBe('none');
  });

  it('ignores a cancelled warning', () => {
    expect(assessWith([warning({ messageType: 'Cancel' })]).level).toBe('none');
  });

  it('ignores events the plan does not map, such as a Cold Weather Advisory', () => {
    expect(assessWith([warning({ event: 'Cold Weather Advisory', code: 'CW.Y' })]).evidence).toEqual([]);
  });

  it('takes the highest level when a warning and the forecast disagree', () => {
    const hours = snowHours(storm(4, 12, 1, 24));

    const result = assessForecast(forecast(hours, [warning({ event: 'Winter Storm Warning' })]), plan(), at(T0));

    expect({ level: result.level, rules: result.evidence.map((e) => e.rule) }).toEqual({ level: 'II', rules: ['warning:nws:Winter Storm Warning', 'blizzard-12h'] });
  });
});
