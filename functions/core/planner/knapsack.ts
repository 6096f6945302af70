/** Time unit of the knapsack: a quarter minute, in hours. Item times round up, so a chosen set always fits. */
const UNIT_H = 1 / 240;

let takeBuffer = new Uint8Array(0);
let bestBuffer = new Float64Array(0);

/**
 * 0/1 knapsack by dynamic programming over time: the subset of items (value, hours) with the
 * greatest total value whose hours fit `capacityH`. Returns the chosen item indexes.
 */
export function knapsack(values: readonly number[], hours: readonly number[], capacityH: number): number[] {
  const n = values.length;
  const cap = Math.floor(capacityH / UNIT_H + 1e-9);
  if (n === 0 || cap <= 0) return [];
  const width = cap + 1;
  if (takeBuffer.length < n * width) takeBuffer = new Uint8Array(n * width);
  if (bestBuffer.length < width) bestBuffer = new Float64Array(width);
  const best = bestBuffer;
  best.fill(0, 0, width);
  const take = takeBuffer;
  for (let i = 0; i < n; i++) {
    const w = Math.ceil(hours[i]! / UNIT_H - 1e-9);
    const value = values[i]!;
    const row = i * width;
    take.fill(0, row, row + width);
    if (value <= 0 || w > cap) continue;
    for (let c = cap; c >= w; c--) {
      const candidate = best[c - w]! + value;
      if (candidate > best[c]! + 1e-9) { best[c] = candidate; take[row + c] = 1; }
    }
  }
  const chosen: number[] = [];
  let c = cap;
  for (let i = n - 1; i >= 0; i--) {
    if (take[i * width + c] === 1) {
      chosen.push(i);
      c -= Math.ceil(hours[i]! / UNIT_H - 1e-9);
    }
  }
  return chosen;
}
