/** An item that may go in one of several bins (hours per bin, Infinity where it cannot go) or stay out. */
export interface PackItem {
  value: number;
  hours: readonly number[];
}

/**
 * Packs items into bins of given hours for the most value, by depth-first branch and bound
 * (bound: the remaining items' value per hour filling all hours left, fractionally). Starts from
 * `start` (a known packing) and stops after `nodeLimit` nodes with the best found. Returns, per
 * item, its bin index or -1. `counter.nodes` grows by the nodes visited (the search's work count).
 */
export function binPack(items: readonly PackItem[], caps: readonly number[], nodeLimit: number, start?: readonly number[], counter?: { nodes: number }): number[] {
  const n = items.length;
  const bins = caps.length;
  const minHours = items.map((it) => Math.min(...it.hours));
  const order = items.map((_, i) => i).filter((i) => Number.isFinite(minHours[i]!))
    .sort((a, b) => items[b]!.value / Math.max(1e-9, minHours[b]!) - items[a]!.value / Math.max(1e-9, minHours[a]!));
  const best = start ? [...start] : new Array<number>(n).fill(-1);
  let bestValue = best.reduce((s, b, i) => s + (b >= 0 ? items[i]!.value : 0), 0);
  const current = new Array<number>(n).fill(-1);
  const left = [...caps];
  let nodes = 0;
  const bound = (from: number) => {
    let room = left.reduce((s, x) => s + x, 0);
    let value = 0;
    for (let o = from; o < order.length && room > 1e-12; o++) {
      const i = order[o]!;
      const h = minHours[i]!;
      if (h <= room) { value += items[i]!.value; room -= h; } else { value += (items[i]!.value * room) / h; room = 0; }
    }
    return value;
  };
  const search = (o: number, value: number) => {
    if (++nodes > nodeLimit) return;
    if (value > bestValue + 1e-9) { bestValue = value; for (let i = 0; i < n; i++) best[i] = current[i]!; }
    if (o === order.length || value + bound(o) <= bestValue + 1e-9) return;
    const i = order[o]!;
    const it = items[i]!;
    // Bins with the most room left after placing come first.
    const tries: number[] = [];
    for (let b = 0; b < bins; b++) if (it.hours[b]! <= left[b]! + 1e-9) tries.push(b);
    tries.sort((a, b) => (left[b]! - it.hours[b]!) - (left[a]! - it.hours[a]!));
    for (const b of tries) {
      current[i] = b;
      left[b] = left[b]! - it.hours[b]!;
      search(o + 1, value + it.value);
      left[b] = left[b]! + it.hours[b]!;
      current[i] = -1;
    }
    search(o + 1, value);
  };
  search(0, 0);
  if (counter) counter.nodes += Math.min(nodes, nodeLimit);
  return best;
}
