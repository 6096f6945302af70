/**
 * The city's geometry for drawing, in columns so that 5,000 roads fit in a few hundred kilobytes:
 * coordinates are whole numbers of 1e-5 degree (about a metre), each vertex after the first given as
 * the difference from the one before.
 */
export interface CityMap {
  /** Coordinates are multiplied by this and rounded. */
  scale: number;
  /** [south, west, north, east] in scaled units: what the drawing is fitted to. */
  bounds: [number, number, number, number];
  zones: { id: string; name: string; outline: number[] }[];
  roads: {
    id: string[];
    name: string[];
    /** Index into `zones`. */
    zone: number[];
    tier: (1 | 2 | 3)[];
    /** Per road: lat, lon of the first vertex, then dlat, dlon for each next one (a point road has one vertex). */
    line: number[][];
  };
}
