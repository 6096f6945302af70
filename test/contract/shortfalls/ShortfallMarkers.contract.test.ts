import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../support/subjects.ts';

describe.each(SUBJECTS)('ShortfallMarkers: $name', ({ make }) => {
  it('remembers the road passes reported short in each activation', async () => {
    const w = await make();
    await w.shortfalls.markShortfallsReported('act-1', ['R1#plough', 'R2#agent']);
    await w.shortfalls.markShortfallsReported('act-1', ['R1#plough']);
    await w.shortfalls.markShortfallsReported('act-2', ['R3#plough']);
    expect([...(await w.shortfalls.listReportedShortfalls('act-1'))].sort()).toEqual(['R1#plough', 'R2#agent']);
  });
});
