import type { OfficialWarning, WarningArea } from '../forecast/OfficialWarning.ts';
import type { Zone } from '../registry/Zone.ts';

const EARTH_KM = 6371;

/** Ray casting over [lat, lon] rings: is the point inside the polygon? */
function inPolygon(lat: number, lon: number, ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [yi, xi] = ring[i]!;
    const [yj, xj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((bLat - aLat) * rad) / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(((bLon - aLon) * rad) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/**
 * Whether a warning code covers a zone code. GB/T 2260 codes nest (410000 Henan ⊃ 410800 Jiaozuo ⊃ 410802
 * Jiefang): a code ending in "00" covers every code under it. Other codes (UGC, EMMA_ID, WARNCELLID) match
 * exactly. Either may be written "NAME:value" or bare.
 */
function codeCovers(warningCode: string, zoneCode: string): boolean {
  const w = warningCode.slice(warningCode.lastIndexOf(':') + 1);
  const z = zoneCode.slice(zoneCode.lastIndexOf(':') + 1);
  if (/^\d{6}$/.test(w) && /^\d{6,12}$/.test(z)) {
    const prefix = w.replace(/(00)+$/, '');
    return z.startsWith(prefix);
  }
  const named = (c: string) => c.includes(':') && !/^\d/.test(c);
  if (named(warningCode) && named(zoneCode)) return warningCode.toLowerCase() === zoneCode.toLowerCase();
  return w.toLowerCase() === z.toLowerCase();
}

function areaCovers(area: WarningArea, zone: Pick<Zone, 'latitude' | 'longitude'> & { warningAreas?: string[] }): boolean {
  if (area.geocodes.some((g) => (zone.warningAreas ?? []).some((z) => codeCovers(g, z)))) return true;
  if (area.polygons.some((ring) => ring.length >= 3 && inPolygon(zone.latitude, zone.longitude, ring))) return true;
  return area.circles.some((c) => distanceKm(c.latitude, c.longitude, zone.latitude, zone.longitude) <= c.radiusKm);
}

/**
 * Whether a warning applies to a zone: by the zone's warning-area codes against the warning's geocodes,
 * or by the zone's point inside a warning polygon or circle. A warning without areas was asked for this
 * point (NWS alerts by point, QWeather) and applies.
 */
export function warningCoversZone(warning: OfficialWarning, zone: Pick<Zone, 'latitude' | 'longitude'> & { warningAreas?: string[] }): boolean {
  if (!warning.areas || warning.areas.length === 0) return true;
  return warning.areas.some((a) => areaCovers(a, zone));
}
