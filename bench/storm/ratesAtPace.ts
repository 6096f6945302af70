/** PartitionMeter phases of the storm bench: the first wave (the triggering poll and its dispatch), each simulated minute of the storm, the stand-down. */
export const FIRST_WAVE_PHASE = 'first wave';
export const MINUTE_PHASE = 'minute ';
export const STAND_DOWN_PHASE = 'stand-down';

export interface PartitionRate { key: string; rate: number; phase: string }

/**
 * Per-partition rates at the SMS pace rather than at DynamoDB Local's speed (issue 16 item 7): the first wave's
 * units on each key over `firstWaveFloorS`, the time its parts take at the pace (the wave goes out no faster, and
 * is booked as it goes), and each simulated minute's units over 60 s (replies, sweeps and polls come at the
 * storm's pace, not the bench's). Other phases (the stand-down, paced by nothing) are left out. `phases`: units
 * per key per phase (PartitionMeter.phaseUnits). Returns the highest rate, and the first wave's highest.
 */
export function ratesAtPace(phases: ReadonlyMap<string, ReadonlyMap<string, number>>, firstWaveFloorS: number): { peak: PartitionRate; firstWave: PartitionRate } {
  const none: PartitionRate = { key: '(none)', rate: 0, phase: '-' };
  let [peak, firstWave] = [none, none];
  for (const [phase, units] of phases) {
    const seconds = phase === FIRST_WAVE_PHASE ? firstWaveFloorS : phase.startsWith(MINUTE_PHASE) ? 60 : undefined;
    if (seconds === undefined) continue;
    for (const [key, u] of units) {
      const rate = { key, rate: u / seconds, phase: phase === FIRST_WAVE_PHASE ? phase : `simulated ${phase}` };
      if (rate.rate > peak.rate) peak = rate;
      if (phase === FIRST_WAVE_PHASE && rate.rate > firstWave.rate) firstWave = rate;
    }
  }
  return { peak, firstWave };
}
