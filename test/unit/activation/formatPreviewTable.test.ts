import { describe, expect, it } from 'vitest';
import { formatPreviewTable } from '../../../functions/core/activation/formatPreviewTable.ts';
import type { PlanPreview, PreviewRow } from '../../../functions/core/activation/preview.ts';

const row = (over: Partial<PreviewRow>): PreviewRow => ({
  roadId: 'R001', road: '人民路', tier: 1, pass: 'plough', laneKm: 6.4, crewId: 'C01', team: '解放区环卫一班', vehicleId: 'V01', vehicle: '豫H铲001',
  sequence: 1, startBy: '2026-12-14T00:30:00.000Z', passableAt: '2026-12-14T01:10:00.000Z', late: false, ...over,
});
const preview = (rows: PreviewRow[]): PlanPreview => ({ zoneLevels: { jiefang: 'I' }, activationId: null, rows, shortfalls: [] });

describe('the preview table', () => {
  it('shows start-by, passable and target in the city\'s local time', () => {
    const [, , first] = formatPreviewTable(preview([row({ targetAt: '2026-12-14T06:00:00.000Z' })]), 'Asia/Shanghai').split('\n');
    expect(first).toMatch(/08:30\s+09:10\s+14:00$/);
  });

  it('marks a time on a later local day with +1d, so a 24-hour target does not read as this morning', () => {
    const [, , first] = formatPreviewTable(preview([row({ tier: 3, targetAt: '2026-12-15T00:30:00.000Z' })]), 'Asia/Shanghai').split('\n');
    expect(first).toMatch(/08:30\s+09:10\s+08:30 \+1d$/);
  });

  it('counts days in local time: 23:50 and 00:10 the next local day', () => {
    const [, , first] = formatPreviewTable(preview([row({ startBy: '2026-12-14T15:50:00.000Z', passableAt: '2026-12-14T16:10:00.000Z' })]), 'Asia/Shanghai').split('\n');
    expect(first).toMatch(/23:50\s+00:10 \+1d\s+-$/);
  });

  it('flags a pass estimated to miss its target as LATE', () => {
    const [, , first] = formatPreviewTable(preview([row({ targetAt: '2026-12-14T01:00:00.000Z', late: true })]), 'Asia/Shanghai').split('\n');
    expect(first).toMatch(/09:00 LATE$/);
  });
});
