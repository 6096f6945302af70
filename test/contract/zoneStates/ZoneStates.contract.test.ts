import { describe, expect, it } from 'vitest';
import type { ZoneState } from '../../../functions/core/operations/ZoneState.ts';
import { SUBJECTS } from '../support/subjects.ts';
import { AT } from '../support/records.ts';

const state = (zoneId: string, level: ZoneState['level']): ZoneState => ({ zoneId, level, evidence: [], provider: 'open-meteo', lastSuccessAt: AT, lastPollAt: AT, lastError: null });

describe.each(SUBJECTS)('ZoneStates: $name', ({ make }) => {
  it('keeps the last state put for each zone', async () => {
    const w = await make();
    await w.zoneStates.putZoneState(state('z2', 'none'));
    await w.zoneStates.putZoneState(state('z1', 'III'));
    await w.zoneStates.putZoneState(state('z1', 'II'));
    expect((await w.zoneStates.getZoneStates()).map((s) => [s.zoneId, s.level])).toEqual([['z1', 'II'], ['z2', 'none']]);
  });
});
