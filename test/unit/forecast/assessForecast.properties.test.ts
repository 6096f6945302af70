import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ForecastHour } from '../../../functions/core/forecast/HourlyForecast.ts';
import type { OfficialWarning } from '../../../functions/core/forecast/OfficialWarning.ts';
import { levelRank } from '../../../functions/core/levels/ResponseLevel.ts';
import { assessForecast } from '../../../functions/core/triggers/assessForecast.ts';
import type { Evidence } from '../../../functions/core/triggers/Evidence.ts';
import { forecast, hour, plan, plus, T0 } from '../../support/weather/hours.ts';

const DAY_MS = 24 * 3_600_000;
const PLAN = plan();

const hourArb = fc.record({
  snow: fc.option(fc.double({ min: 0, max: 6, noNaN: true }), { nil: null, freq: 8 }),
  liquid: fc.double({ min: 0, max: 1.5, noNaN: true }),
  temperatureC: fc.option(fc.double({ min: -8, max: 4, noNaN: true }), { nil: null, freq: 8 }),
});
const warningArb = fc.record({
  event: fc.constantFrom('Winter Weather Advisory', 'Winter Storm Warning', 'Winter Storm Watch', 'Cold Weather Advisory', 'Blizzard Warning'),
  onsetOffset: fc.integer({ min: -6, max: 40 }),
  length: fc.integer({ min: 1, max: 24 }),
});
const scenarioArb = fc.record({
  hours: fc.array(hourArb, { minLength: 1, maxLength: 60 }),
  warnings: fc.array(warningArb, { maxLength: 2 }),
  nowOffset: fc.integer({ min: 0, max: 30 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario, shiftMs = 0): { hours: ForecastHour[]; warnings: OfficialWarning[]; now: Date } {
  const start = new Date(Date.parse(T0) + shiftMs).toISOString();
  const hours = s.hours.map((h, i) => hour(plus(start, i), {
    snowWaterMm: h.snow,
    snowfallCm: h.snow === null ? null : h.snow * 0.7,
    precipitationMm: h.snow === null ? null : h.snow + h.liquid,
    temperatureC: h.temperatureC,
  }));
  const warnings = s.warnings.map((w, i) => ({ source: 'nws', id: `w${i}`, event: w.event, onset: plus(start, w.onsetOffset), ends: plus(start, w.onsetOffset + w.length) }));
  return { hours, warnings, now: new Date(Date.parse(start) + s.nowOffset * 3_600_000) };
}

const assess = (b: ReturnType<typeof build>) => assessForecast(forecast(b.hours, b.warnings), PLAN, b.now);

const unshift = (e: Evidence, ms: number) => {
  const back = (iso: string) => new Date(Date.parse(iso) - ms).toISOString();
  const { text: _text, ...rest } = e;
  return { ...rest, from: back(e.from), to: back(e.to), ...(e.startsAt ? { startsAt: back(e.startsAt) } : {}) };
};

describe('assessForecast properties (fast-check)', () => {
  it('never lowers the level, or the level due now, when more snow falls', () => {
    fc.assert(fc.property(scenarioArb, fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 60, maxLength: 60 }), (s, extra) => {
      const more: Scenario = { ...s, hours: s.hours.map((h, i) => (h.snow === null ? h : { ...h, snow: h.snow + extra[i]! })) };

      const before = assess(build(s));
      const after = assess(build(more));

      expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level));
      expect(levelRank(after.dueLevel)).toBeGreaterThanOrEqual(levelRank(before.dueLevel));
    }), { numRuns: 300 });
  });

  it('gives the same assessment whatever order the hours are listed in', () => {
    fc.assert(fc.property(scenarioArb, fc.array(fc.integer(), { minLength: 60, maxLength: 60 }), (s, keys) => {
      const b = build(s);
      const shuffled = b.hours.map((h, i) => ({ h, k: keys[i]! })).sort((x, y) => x.k - y.k).map((x) => x.h);

      expect(assess({ ...b, hours: shuffled })).toEqual(assess(b));
    }), { numRuns: 300 });
  });

  it('shifts nothing but the times when the whole forecast (and now) moves by a day', () => {
    fc.assert(fc.property(scenarioArb, fc.integer({ min: -3, max: 3 }), (s, days) => {
      const base = assess(build(s));
      const shifted = assess(build(s, days * DAY_MS));

      expect({ level: shifted.level, dueLevel: shifted.dueLevel, watch: shifted.watch, watchLevel: shifted.watchLevel }).toEqual({ level: base.level, dueLevel: base.dueLevel, watch: base.watch, watchLevel: base.watchLevel });
      expect(shifted.evidence.map((e) => unshift(e, days * DAY_MS))).toEqual(base.evidence.map((e) => unshift(e, 0)));
    }), { numRuns: 300 });
  });
});
