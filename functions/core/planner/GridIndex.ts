/**
 * A uniform grid over points in the plane (km), for "nearest first" questions without comparing
 * every point with every other: a query visits the grid ring by ring outwards from its own cell.
 */
export class GridIndex {
  private readonly cell: number;
  private readonly minCx: number;
  private readonly minCy: number;
  private readonly width: number;
  private readonly height: number;
  private readonly cells = new Map<number, number[]>();
  private readonly count: number;

  /** `xs`/`ys` in km; about `perCell` points share a cell on average. */
  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>, perCell = 2) {
    const n = xs.length;
    let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, xs[i]!); x1 = Math.max(x1, xs[i]!); y0 = Math.min(y0, ys[i]!); y1 = Math.max(y1, ys[i]!);
    }
    const area = n > 0 ? Math.max(x1 - x0, 1e-3) * Math.max(y1 - y0, 1e-3) : 1;
    // No side of the grid longer than n cells: points on a line (one street of depots) would
    // otherwise make a grid of millions of empty cells for rings to walk.
    const longest = n > 0 ? Math.max(x1 - x0, y1 - y0) : 0;
    this.cell = Math.max(1e-3, Math.sqrt((area * perCell) / Math.max(1, n)), longest / Math.max(1, n));
    this.count = n;
    this.minCx = n > 0 ? Math.floor(x0 / this.cell) : 0;
    this.minCy = n > 0 ? Math.floor(y0 / this.cell) : 0;
    this.width = n > 0 ? Math.floor(x1 / this.cell) - this.minCx + 1 : 0;
    this.height = n > 0 ? Math.floor(y1 / this.cell) - this.minCy + 1 : 0;
    for (let i = 0; i < n; i++) {
      const key = this.key(Math.floor(xs[i]! / this.cell) - this.minCx, Math.floor(ys[i]! / this.cell) - this.minCy);
      const members = this.cells.get(key);
      if (members) members.push(i);
      else this.cells.set(key, [i]);
    }
  }

  private key(cx: number, cy: number): number {
    return cx * (this.height + 1) + cy;
  }

  /**
   * Visits the points ring by ring around (x, y), nearest rings first. `visit` gets a ring's points
   * (in index order) and a lower bound on their distance from (x, y); it returns false to stop.
   */
  rings(x: number, y: number, visit: (members: readonly number[], minKm: number) => boolean): void {
    if (this.width === 0) return;
    const qx = Math.floor(x / this.cell) - this.minCx;
    const qy = Math.floor(y / this.cell) - this.minCy;
    // Beyond this ring no cell of the grid is left.
    const last = Math.max(qx, this.width - 1 - qx, qy, this.height - 1 - qy, 0);
    const ring: number[] = [];
    let seen = 0;
    const take = (cx: number, cy: number) => {
      const members = this.cells.get(this.key(cx, cy));
      if (members) for (const i of members) ring.push(i);
    };
    for (let r = 0; r <= last && seen < this.count; r++) {
      ring.length = 0;
      // Only the ring's cells inside the grid: its top and bottom rows, then its side columns.
      const x0 = Math.max(0, qx - r);
      const x1 = Math.min(this.width - 1, qx + r);
      const y0 = Math.max(0, qy - r + 1);
      const y1 = Math.min(this.height - 1, qy + r - 1);
      for (const cy of r === 0 ? [qy] : [qy - r, qy + r]) {
        if (cy < 0 || cy >= this.height) continue;
        for (let cx = x0; cx <= x1; cx++) take(cx, cy);
      }
      if (r > 0) {
        for (const cx of [qx - r, qx + r]) {
          if (cx < 0 || cx >= this.width) continue;
          for (let cy = y0; cy <= y1; cy++) take(cx, cy);
        }
      }
      if (ring.length === 0) continue;
      seen += ring.length;
      ring.sort((a, b) => a - b);
      if (!visit(ring, Math.max(0, r - 1) * this.cell)) return;
    }
  }
}
