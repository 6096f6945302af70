import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelRank, type ResponseLevel } from '../../../functions/core/levels/ResponseLevel.ts';
import { CMA_BLIZZARD_THRESHOLDS } from '../../../functions/core/registry/CityPlan.ts';
import { evaluateBlizzard } from '../../../functions/core/triggers/evaluateBlizzard.ts';
import {
  DAY_MS,
  FORECAST_START,
  forecastHour,
  forecastOf,
  forecastOfValues,
  isoPlusHours,
  storm,
} from '../../support/builders/forecast.ts';

const assess = (values: readonly (number | null)[], start?: string) => evaluateBlizzard(forecastOfValues(values, start), CMA_BLIZZARD_THRESHOLDS);

describe('evaluateBlizzard with the CMA blizzard thresholds', () => {
  describe('level boundaries', () => {
    it.each<{ name: string; total: number; spread: number; level: ResponseLevel }>([
      { name: '4 mm in 12 hours reaches level IV', total: 4, spread: 12, level: 'IV' },
      { name: '3.99 mm in 12 hours stays below level IV', total: 3.99, spread: 12, level: 'none' },
      { name: '6 mm in 12 hours reaches level III', total: 6, spread: 12, level: 'III' },
      { name: '5.99 mm in 12 hours stays at level IV', total: 5.99, spread: 12, level: 'IV' },
      { name: '10 mm in 6 hours reaches level II', total: 10, spread: 6, level: 'II' },
      { name: '9.99 mm in 6 hours stays at level III', total: 9.99, spread: 6, level: 'III' },
      { name: '15 mm in 6 hours reaches level I', total: 15, spread: 6, level: 'I' },
      { name: '14.99 mm in 6 hours stays at level II', total: 14.99, spread: 6, level: 'II' },
    ])('$name', ({ total, spread, level }) => {
      const values = storm({ total, spread, offset: 3, length: 36 });

      expect(assess(values).level).toBe(level);
    });

    it('does not reach level IV when 4 mm falls over 13 hours', () => {
      const values = storm({ total: 4, spread: 13, offset: 3, length: 36 });

      expect(assess(values).level).toBe('none');
    });

    it('reaches only level III when 10 mm falls over 7 hours', () => {
      const values = storm({ total: 10, spread: 7, offset: 3, length: 36 });

      expect(assess(values).level).toBe('III');
    });

    it('reaches only level II when 15 mm falls over 7 hours', () => {
      const values = storm({ total: 15, spread: 7, offset: 3, length: 36 });

      expect(assess(values).level).toBe('II');
    });

    it('gives level none for a dry forecast', () => {
      expect(assess(storm({ total: 0, spread: 1 }))).toEqual({ level: 'none', evidence: [] });
    });
  });

  describe('evidence', () => {
    it('records the value, threshold and window of the rule that decided the level', () => {
      const values = storm({ total: 15, spread: 6, offset: 4, length: 24 });

      const [deciding] = assess(values).evidence;

      expect(deciding).toEqual({
        rule: 'blizzard-6h',
        level: 'I',
        provider: 'test-provider',
        value: 15,
        threshold: 15,
        unit: 'mm snow water',
        windowHours: 6,
        from: '2026-12-14T04:00:00.000Z',
        to: '2026-12-14T10:00:00.000Z',
        gapHours: 0,
      });
    });

    it('lists every rule that fired, most severe first', () => {
      const values = storm({ total: 15, spread: 6, offset: 4, length: 24 });

      const levels = assess(values).evidence.map((e) => e.level);

      expect(levels).toEqual(['I', 'II', 'III', 'IV']);
    });

    it('leaves out the rules that did not fire', () => {
      const values = storm({ total: 6, spread: 12, offset: 0, length: 24 });

      const levels = assess(values).evidence.map((e) => e.level);

      expect(levels).toEqual(['III', 'IV']);
    });

    it('spans the full window length from the first hour of the deciding window', () => {
      const values = storm({ total: 4, spread: 2, offset: 20, length: 36 });

      const [deciding] = assess(values).evidence;

      expect({ from: deciding?.from, to: deciding?.to, windowHours: deciding?.windowHours }).toEqual({
        from: '2026-12-14T10:00:00.000Z',
        to: '2026-12-14T22:00:00.000Z',
        windowHours: 12,
      });
    });

    it('uses the thresholds of the plan it is given rather than built-in ones', () => {
      const forecast = forecastOfValues([0, 1, 0]);

      const assessment = evaluateBlizzard(forecast, [{ level: 'II', windowHours: 1, waterMm: 1 }]);

      expect(assessment.level).toBe('II');
    });
  });

  describe('gaps', () => {
    it('reports the blank hours of the deciding window in gapHours', () => {
      const values = [null, 2, 2, null, ...storm({ total: 0, spread: 1, length: 20 })];

      const [deciding] = assess(values).evidence;

      expect({ level: deciding?.level, value: deciding?.value, gapHours: deciding?.gapHours }).toEqual({ level: 'IV', value: 4, gapHours: 2 });
    });

    it('gives level none with no evidence for a forecast of nothing but gaps', () => {
      const values = Array.from({ length: 24 }, () => null);

      expect(assess(values)).toEqual({ level: 'none', evidence: [] });
    });

    it('counts an hour missing from the time series as a gap', () => {
      // 02:00 is missing from an otherwise hourly series.
      const hours = [forecastHour(FORECAST_START, 2), forecastHour(isoPlusHours(FORECAST_START, 1), 2)];
      for (let h = 3; h < 24; h++) hours.push(forecastHour(isoPlusHours(FORECAST_START, h), 0));

      const [deciding] = evaluateBlizzard(forecastOf(hours), CMA_BLIZZARD_THRESHOLDS).evidence;

      expect(deciding?.gapHours).toBe(1);
    });

    it('does not squeeze values two hours apart into one six-hour window', () => {
      // Six readings of 2.5 mm every other hour: 15 mm over 12 hours, at most 7.5 mm in any 6 hours.
      const hours = Array.from({ length: 6 }, (_, i) => forecastHour(isoPlusHours(FORECAST_START, 2 * i), 2.5));

      const assessment = evaluateBlizzard(forecastOf(hours), CMA_BLIZZARD_THRESHOLDS);

      expect(assessment.level).toBe('III');
    });
  });

  describe('properties', () => {
    const tenthsOfMm = fc.integer({ min: 0, max: 60 }).map((n) => n / 10);
    const hourValue = fc.option(tenthsOfMm, { nil: null, freq: 5 });
    const forecastValues = fc.array(hourValue, { minLength: 1, maxLength: 48 });

    it('never lowers the level when more snow is forecast', () => {
      const moreSnow = forecastValues.chain((values) =>
        fc.tuple(fc.constant(values), fc.array(tenthsOfMm, { minLength: values.length, maxLength: values.length })),
      );
      fc.assert(
        fc.property(moreSnow, ([values, extra]) => {
          const more = values.map((v, i) => {
            const add = extra[i] ?? 0;
            if (v === null) return add > 0 ? add : null;
            return v + add;
          });

          const before = assess(values).level;
          const after = assess(more).level;

          expect(levelRank(after)).toBeGreaterThanOrEqual(levelRank(before));
        }),
      );
    });

    it('gives the same level when the whole forecast is shifted by a day', () => {
      fc.assert(
        fc.property(forecastValues, fc.constantFrom(-1, 1), (values, days) => {
          const shiftedStart = new Date(Date.parse(FORECAST_START) + days * DAY_MS).toISOString();

          const original = assess(values).level;
          const shifted = assess(values, shiftedStart).level;

          expect(shifted).toBe(original);
        }),
      );
    });
  });
});
