import { memo } from 'preact/compat';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Board, CityMap, RoadState } from '../api/types.ts';
import { t } from '../ui/i18n.ts';
import { project, type Projected } from './geometry.ts';

const STATE_KEYS: (RoadState | 'out')[] = ['short', 'planned', 'dispatched', 'acknowledged', 'on-site', 'done', 'out'];
const STATE_NAMES: Record<RoadState | 'out', [string, string]> = {
  short: ['缺口', 'short'], planned: ['已计划', 'planned'], dispatched: ['已派单', 'dispatched'], acknowledged: ['已确认', 'acknowledged'],
  'on-site': ['在现场', 'on site'], done: ['已完成', 'done'], out: ['不在范围', 'out of scope'],
};

export function stateName(state: RoadState | 'out'): string {
  return STATE_NAMES[state][document.documentElement.lang === 'en' ? 1 : 0];
}

/**
 * A road's tooltip (name and state), made when the pointer first reaches it rather than one per road up
 * front: 5,000 <title> elements were a third of the map's nodes, and the map is an image to assistive
 * technology (its label counts the roads by state), so nothing else reads them.
 */
function nameOnHover(target: EventTarget | null, map: CityMap): void {
  if (!(target instanceof SVGPathElement) || target.dataset.i === undefined) return;
  const title = target.querySelector('title') ?? target.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'title'));
  title.textContent = `${map.roads.name[Number(target.dataset.i)]} · ${stateName((target.dataset.state ?? 'out') as RoadState | 'out')}`;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const roadClass = (i: number, shape: Projected, map: CityMap, state: string) => `road s-${state} tier-${map.roads.tier[i]}${shape.points[i] ? ' pt' : ''}`;
/** One road's element, as markup: its shape, colour (state), tier and where it is in the map's columns. */
const roadPath = (id: string, i: number, shape: Projected, map: CityMap, state: string) =>
  `<path d="${shape.roads[i]}" class="${roadClass(i, shape, map, state)}" data-road="${escape(id)}" data-i="${i}" data-state="${state}"/>`;

/**
 * The city as an SVG drawn from the registry's geometry: every road coloured by its most urgent pass, zones
 * outlined in their level colour. Drawn again only when the map, the board or the language (`lang`, for the
 * names in its titles and legend) changes: a poll answered 304 hands back the same objects.
 */
export const MapView = memo(function MapView({ map, board, large }: { map: CityMap; board: Board; large?: boolean; lang?: string }) {
  const shape = useMemo(() => project(map), [map]);
  const roadsRef = useRef<SVGGElement>(null);
  // Every road drawn in one pass, parsed from one string, when the map changes (as they first stand on this board);
  // 5,000 roads made one by one through the virtual DOM took seconds. A new board only recolours the roads it moved.
  const drawn = useMemo(() => map.roads.id.map((id, i) => roadPath(id, i, shape, map, board.roads[id] ?? 'out')).join(''), [shape]);
  useLayoutEffect(() => {
    const paths = roadsRef.current?.children ?? [];
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i] as SVGPathElement;
      const state = board.roads[map.roads.id[i]!] ?? 'out';
      if (path.dataset.state !== state) {
        path.setAttribute('class', roadClass(i, shape, map, state));
        path.dataset.state = state;
        path.querySelector('title')?.remove();
      }
    }
  }, [drawn, board.roads]);
  const counts = new Map<string, number>();
  for (const id of map.roads.id) {
    const s = board.roads[id] ?? 'out';
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const levelOf = (zoneId: string) => {
    const z = board.zones.find((x) => x.zoneId === zoneId);
    return z ? (z.activationLevel && z.activationLevel !== 'none' ? z.activationLevel : z.forecastLevel) : 'none';
  };
  const badge = Math.max(shape.width, shape.height) / 40;
  const summary = STATE_KEYS.map((s) => `${stateName(s)} ${counts.get(s) ?? 0}`).join(', ');
  return (
    <figure class={large ? 'map map-large' : 'map'}>
      <svg viewBox={`0 0 ${shape.width} ${shape.height}`} role="img" aria-label={`${t('map')}: ${map.roads.id.length} ${t('roads')}; ${summary}`} preserveAspectRatio="xMidYMid meet">
        <g class="zones">
          {map.zones.map((z, i) => shape.zones[i]!.path && <path key={z.id} d={shape.zones[i]!.path} class={`zone lvl-${levelOf(z.id)}`} data-zone={z.id} />)}
        </g>
        <g class="roads" ref={roadsRef} onPointerOver={(e) => nameOnHover(e.target, map)} dangerouslySetInnerHTML={{ __html: drawn }} />
        <g class="badges">
          {map.zones.map((z, i) => {
            const { cx, top } = shape.zones[i]!;
            const cy = top - badge * 0.9;
            const level = levelOf(z.id);
            return (
              <g key={z.id} class={`badge lvl-${level}`} data-zone-badge={z.id}>
                <rect x={cx - badge * 3} y={cy - badge * 0.7} width={badge * 6} height={badge * 1.4} rx={badge * 0.2} />
                <text x={cx} y={cy + badge * 0.35} font-size={badge}>{`${z.name} ${level === 'none' ? '—' : level}`}</text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul class="legend">
          {STATE_KEYS.map((s) => <li key={s}><span class={`swatch s-${s}`} aria-hidden="true" />{stateName(s)} <b>{counts.get(s) ?? 0}</b></li>)}
        </ul>
      </figcaption>
    </figure>
  );
});
