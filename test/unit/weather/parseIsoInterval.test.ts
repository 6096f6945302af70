import { describe, expect, it } from 'vitest';
import { converterFor } from '../../../functions/adapters/weather/nws/convertUom.ts';
import { parseIsoInterval } from '../../../functions/adapters/weather/nws/parseIsoInterval.ts';

const NOW = Date.parse('2026-01-05T03:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const parse = (text: string) => {
  const { startMs, hours } = parseIsoInterval(text, NOW);
  return { start: iso(startMs), hours };
};

describe('parseIsoInterval (NWS validTime)', () => {
  it.each([
    { text: '2026-01-05T06:00:00+00:00/PT3H', start: '2026-01-05T06:00:00.000Z', hours: 3 },
    { text: '2022-02-03T21:00:00+00:00/P1DT6H', start: '2022-02-03T21:00:00.000Z', hours: 30 },
    { text: '2024-02-22T00:00:00+00:00/P4D', start: '2024-02-22T00:00:00.000Z', hours: 96 },
    { text: '2026-01-05T00:00:00-06:00/PT1H', start: '2026-01-05T06:00:00.000Z', hours: 1 },
    { text: '2026-01-05T06:00:00Z/2026-01-05T12:00:00Z', start: '2026-01-05T06:00:00.000Z', hours: 6 },
    { text: 'PT2H/2026-01-05T12:00:00Z', start: '2026-01-05T10:00:00.000Z', hours: 2 },
    { text: 'NOW/PT2H', start: '2026-01-05T03:00:00.000Z', hours: 2 },
  ])('reads $text', ({ text, start, hours }) => {
    expect(parse(text)).toEqual({ start, hours });
  });

  it.each([
    { text: '2026-01-05T06:00:00/PT3H', why: /not a date-time with an offset/ },
    { text: '2026-01-05T06:00:00Z', why: /not an ISO 8601 interval/ },
    { text: '2026-01-05T06:30:00Z/PT1H', why: /whole hours/ },
    { text: '2026-01-05T06:00:00Z/PT', why: /not an ISO 8601 duration/ },
    { text: '2026-01-05T06:00:00Z/2026-01-05T05:00:00Z', why: /ends before it starts/ },
  ])('refuses $text', ({ text, why }) => {
    expect(() => parse(text)).toThrow(why);
  });
});

describe('converterFor (NWS uom)', () => {
  it.each([
    { uom: 'wmoUnit:mm', q: 'length-mm', v: 12.7, si: 12.7 },
    { uom: 'wmoUnit:cm', q: 'length-mm', v: 2, si: 20 },
    { uom: 'unit:m', q: 'length-mm', v: 0.01, si: 10 },
    { uom: 'wmoUnit:degC', q: 'temperature-c', v: -3, si: -3 },
    { uom: 'wmoUnit:degF', q: 'temperature-c', v: 32, si: 0 },
    { uom: 'wmoUnit:km_h-1', q: 'speed-ms', v: 36, si: 10 },
  ] as const)('converts $v $uom', ({ uom, q, v, si }) => {
    expect(converterFor(uom, q)(v)).toBeCloseTo(si, 9);
  });

  it('refuses a missing uom', () => {
    expect(() => converterFor(undefined, 'length-mm')).toThrow('uom is missing (expected a length unit)');
  });

  it('refuses a temperature unit where a length is expected', () => {
    expect(() => converterFor('wmoUnit:degC', 'length-mm')).toThrow('unit "wmoUnit:degC" is not a length unit snowops can convert');
  });
});
