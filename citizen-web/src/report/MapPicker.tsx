import { useMemo, useState } from 'preact/hooks';
import type { CityMap } from '../../../console/src/api/types.ts';
import { project } from '../../../console/src/board/geometry.ts';
import { t } from '../i18n.tsx';

export interface Pin { lat: number; lon: number }

const ZOOMS = [1, 2, 4, 8];

/** The city's roads (from the project's own map, no tiles), a tap places the pin. */
export function MapPicker({ map, pin, onPin }: { map: CityMap; pin?: Pin | undefined; onPin: (p: Pin) => void }) {
  const shape = useMemo(() => project(map), [map]);
  const [zoom, setZoom] = useState(0);
  const z = ZOOMS[zoom]!;
  const [px, py] = pin ? shape.toXY(pin.lat, pin.lon) : [shape.width / 2, shape.height / 2];
  const w = shape.width / z;
  const h = shape.height / z;
  const x0 = Math.min(Math.max(px - w / 2, 0), shape.width - w);
  const y0 = Math.min(Math.max(py - h / 2, 0), shape.height - h);
  const unit = Math.max(shape.width, shape.height) / 60 / z;
  const place = (e: MouseEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const [lat, lon] = shape.toLatLon(p.x, p.y);
    onPin({ lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 });
    // The first tap places the pin roughly on the whole city: come closer so that a second tap can put it right.
    if (!pin && zoom === 0) setZoom(1);
  };
  return (
    <div class="map-picker">
      <svg viewBox={`${x0} ${y0} ${w} ${h}`} role="application" aria-label={t('mapHelp')} onClick={place} data-map>
        <g class="zones">{shape.zones.map((zn, i) => zn.path && <path key={i} d={zn.path} class="zone" />)}</g>
        <g class="zone-names">{shape.zones.map((zn, i) => zn.path && <text key={i} x={zn.cx} y={zn.top - unit * 0.6} font-size={unit * 1.3}>{map.zones[i]!.name}</text>)}</g>
        <g class="roads" style={{ strokeWidth: unit / 1.6 }}>
          {map.roads.id.map((id, i) => <path key={id} d={shape.roads[i]} class={`road tier-${map.roads.tier[i]}`}><title>{map.roads.name[i]}</title></path>)}
        </g>
        {pin && (
          <g class="pin" data-pin transform={`translate(${px} ${py}) scale(${unit / 7})`}>
            <path d="M0 0 C-3 -7 -9 -11 -9 -17 A9 9 0 1 1 9 -17 C9 -11 3 -7 0 0Z" />
            <circle cx="0" cy="-17" r="3.5" class="pin-hole" />
          </g>
        )}
      </svg>
      <div class="zoom">
        <button type="button" aria-label={t('zoomIn')} disabled={zoom === ZOOMS.length - 1} onClick={() => setZoom(zoom + 1)}>+</button>
        <button type="button" aria-label={t('zoomOut')} disabled={zoom === 0} onClick={() => setZoom(zoom - 1)}>−</button>
      </div>
    </div>
  );
}
