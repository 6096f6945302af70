import { describe, expect, it } from 'vitest';
import { buildCityMap } from '../../../functions/core/map/buildCityMap.ts';
import type { Road } from '../../../functions/core/registry/Road.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';

const zone: Zone = { id: 'z1', name: '解放区', responsibleUnit: 'unit', latitude: 35.2, longitude: 113.2, providers: ['open-meteo'] };
const road = (id: string, extra: Partial<Road>): Road => ({ id, name: id, zoneId: 'z1', tier: 1, laneKm: 1, latitude: 35.2, longitude: 113.2, passes: ['plough'], agentAllowed: true, ...extra });

function decode(deltas: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0, lat = 0, lon = 0; i < deltas.length; i += 2) out.push([(lat += deltas[i]!), (lon += deltas[i + 1]!)]);
  return out;
}

describe('buildCityMap', () => {
  it('encodes a line as its first vertex then the steps between vertices, in 1e-5 degrees', () => {
    const map = buildCityMap([zone], [road('R1', { line: [[35.2, 113.2], [35.20001, 113.20003]] })]);
    expect(map.roads.line[0]).toEqual([3_520_000, 11_320_000, 1, 3]);
  });

  it('draws a road without a line as the single point of its reference position', () => {
    const map = buildCityMap([zone], [road('R1', { latitude: 35.21, longitude: 113.22 })]);
    expect(decode(map.roads.line[0]!)).toEqual([[3_521_000, 11_322_000]]);
  });

  it('outlines a zone by the hull of its roads, leaving inner points out', () => {
    const corners: [number, number][] = [[35, 113], [35, 113.1], [35.1, 113.1], [35.1, 113]];
    const roads = [...corners.map(([lat, lon], i) => road(`C${i}`, { latitude: lat, longitude: lon })), road('inner', { latitude: 35.05, longitude: 113.05 })];
    const outline = decode(buildCityMap([zone], roads).zones[0]!.outline);
    expect(outline).toHaveLength(4);
    expect(outline).not.toContainEqual([3_505_000, 11_305_000]);
  });

  it('lists roads in id order with their zone index and tier, and bounds that hold every vertex', () => {
    const map = buildCityMap([zone], [road('R10', { tier: 3 }), road('R2', { tier: 2, latitude: 35.3 })]);
    expect(map.roads.id).toEqual(['R2', 'R10']);
    expect(map.roads.tier).toEqual([2, 3]);
    expect(map.roads.zone).toEqual([0, 0]);
    expect(map.bounds).toEqual([3_520_000, 11_320_000, 3_530_000, 11_320_000]);
  });
});
