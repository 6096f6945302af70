import { describe, expect, it } from 'vitest';
import { PartitionMeter } from '../../../bench/storm/PartitionMeter.ts';
import { FIRST_WAVE_PHASE, MINUTE_PHASE, ratesAtPace, STAND_DOWN_PHASE } from '../../../bench/storm/ratesAtPace.ts';

const put = (pk: string) => ({ TableName: 'ops', Item: { pk } });

describe('bench storm: per-partition rates at the SMS pace', () => {
  it('spreads the first wave\'s units over its SMS floor and a simulated minute\'s over 60 s, leaving the stand-down out', () => {
    const meter = new PartitionMeter();
    meter.enterPhase(FIRST_WAVE_PHASE);
    meter.record('PutItemCommand', put('ACT#a#T#00'), 2000, false);
    meter.record('TransactWriteItemsCommand', { TransactItems: [{ Put: put('ACT#a#T#01') }, { Put: put('LOCK#03') }] }, 600, false);
    meter.enterPhase(`${MINUTE_PHASE}1`);
    meter.record('PutItemCommand', put('ACT#a#C#02'), 9000, false);
    meter.enterPhase(STAND_DOWN_PHASE);
    meter.record('PutItemCommand', put('ACT#a#T#00'), 1e6, false);
    const rates = ratesAtPace(meter.phaseUnits(false), 20);
    expect(rates).toEqual({
      peak: { key: 'ops:ACT#a#C#02', rate: 150, phase: 'simulated minute 1' },
      firstWave: { key: 'ops:ACT#a#T#00', rate: 100, phase: FIRST_WAVE_PHASE },
    });
    expect(meter.phaseUnits(false).get(FIRST_WAVE_PHASE)?.get('ops:LOCK#03')).toBe(300);
  });

  it('counts nothing under a phase once phases are left', () => {
    const meter = new PartitionMeter();
    meter.enterPhase(FIRST_WAVE_PHASE);
    meter.enterPhase(undefined);
    meter.record('PutItemCommand', put('ACT#a#T#00'), 50, false);
    expect(ratesAtPace(meter.phaseUnits(false), 10).peak.rate).toBe(0);
  });
});
