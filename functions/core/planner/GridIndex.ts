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

  /** `xs`/`ys` in km; about `perCell` points share a cell on average. */
  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>, perCell = 2) {
    const n = xs.length;
    let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, xs[i]!); x1 = Math.max(x1, xs[i]!); y0 = Math.min(y0, ys[i]!); y1 = Math.max(y1, ys[i]!);
    }
    const area = n > 0 ? Math.max(x1 - x0, 1e-3) * Math.max(y1 - y0, 1e-3) : 1;
    this.cell = Math.max(1e-3, Math.sqrt((area * perCell) / Math.max(1, n)));
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
    for (let r = 0; r <= last; r++) {
      ring.length = 0;
      for (let cx = qx - r; cx <= qx + r; cx++) {
        if (cx < 0 || cx >= this.width) continue;
        const edge = cx === qx - r || cx === qx + r;
        for (let cy = qy - r; cy <= qy + r; cy += edge ? 1 : 2 * r) {
          if (cy < 0 || cy >= this.height) continue;
          const members = this.cells.get(this.key(cx, cy));
          if (members) for (const i of members) ring.push(i);
          if (r === 0) break;
        }
      }
      ring.sort((a, b) => a - b);
      if (!visit(ring, Math.max(0, r - 1) * this.cell)) return;
    }
  }
}
