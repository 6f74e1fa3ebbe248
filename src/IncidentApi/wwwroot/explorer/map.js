// The map: host countries shaded by the current measure (choropleth) and a dot for each city the sources name,
// drawn in SVG from vendored Natural Earth shapes (world-atlas, topojson-client, d3-geo: see tools/map). No tile
// server and nothing from another origin. Each shaded country is a link that filters by it, in the tab order of
// the ranking; the same numbers are in a table beside the map.
import { $, h, svg, count, formatNumber, loadScript } from './dom.js';
import { getJson, countryName } from './api.js';
import { pageUrl, refine } from './state.js';
import { hostRows, rowName } from './ranking.js';
import { measureNoun } from './chart.js';

export const RATIO = 2.1;   // width / height of the map box; explorer.css reserves the same (no layout shift)
const PALETTE = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];   // ColorBrewer Blues, light to dark
const SMALL = 30;   // px²: a shaded country smaller than this on screen also gets a dot, so it can be seen and chosen

let atlas = null;
/** The vendored libraries and shapes, once; the first view never waits for them. */
export function loadAtlas() {
  atlas ??= (async () => {
    await Promise.all(['/vendor/d3-array.min.js', '/vendor/d3-geo.min.js', '/vendor/topojson-client.min.js'].map(loadScript));
    const [topology, codes] = await Promise.all([getJson('/vendor/countries-110m.json'), getJson('/vendor/country-codes.json')]);
    const shapes = window.topojson.feature(topology, topology.objects.countries).features
      .map((feature) => ({ code: codes.numeric[feature.id] ?? codes.unnumbered[feature.properties.name] ?? null, feature }))
      .filter((s) => s.code !== 'AQ');   // Antarctica: no incidents, and a fifth of the map's height
    return { shapes, points: codes.points };
  })();
  return atlas;
}

/** Up to five classes on a 1-2-5 scale, each as its lowest value: [1, 2, 5] means 1, 2–4 and 5 or more. */
export function classes(max) {
  const bounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].filter((b) => b <= Math.max(1, max));
  while (bounds.length > 5) bounds.splice(1, 1);
  return bounds;
}

const colours = (n) => (n >= PALETTE.length ? PALETTE : Array.from({ length: n }, (_, i) => PALETTE[Math.round(i * (PALETTE.length - 1) / Math.max(1, n - 1))]));

/** Cities named by the sources: one entry per place, sized by its incidents. A city the geocoder could not place
 *  (its point is the country's) is listed in the table but gets no dot. */
function cities(geojson) {
  const places = new Map();
  for (const f of geojson.features) {
    const p = f.properties;
    if (!p.city) continue;
    const placed = p.location?.precision === 'city' && f.geometry;
    const key = placed ? f.geometry.coordinates.join(',') : `${p.hostCountry?.code}|${p.city}`;
    const place = places.get(key) ?? { coordinates: placed ? f.geometry.coordinates : null, city: p.city, country: p.hostCountry?.code ?? null, incidents: 0 };
    place.incidents += 1;
    places.set(key, place);
  }
  return [...places.values()].sort((a, b) => b.incidents - a.incidents || a.city.localeCompare(b.city));
}

export function renderMap(state, stats, geojson, world, width) {
  const d3 = window.d3;
  const { rows, undisclosed } = hostRows(stats);
  const byCode = new Map(rows.map((r) => [r.country, r]));
  const max = Math.max(0, ...rows.map((r) => r.count));
  const bounds = classes(max);
  const fills = colours(bounds.length);
  const fillOf = (n) => fills[bounds.findLastIndex((b) => n >= b)];
  const places = cities(geojson);

  width = Math.max(280, Math.round(width || 600));
  const height = Math.round(width / RATIO);
  const land = { type: 'FeatureCollection', features: world.shapes.map((s) => s.feature) };
  const projection = d3.geoEqualEarth().fitExtent([[4, 4], [width - 4, height - 4]], land);
  const path = d3.geoPath(projection);
  const [dot, dotted] = [(code) => world.points[code] && projection(world.points[code]), new Set()];

  const plain = [];
  const shaded = [];
  for (const { code, feature } of world.shapes) {
    const row = code && byCode.get(code);
    if (!row) { plain.push(svg('path', { class: 'land', d: path(feature) })); continue; }
    const small = path.area(feature) < SMALL;
    shaded.push({ row, shape: svg('path', { d: path(feature), fill: fillOf(row.count) }), centre: small ? path.centroid(feature) : null });
    dotted.add(code);
  }
  // Countries the atlas does not draw at this scale (Singapore, Hong Kong, island states): a dot at their point.
  for (const row of rows) {
    if (dotted.has(row.country) || !dot(row.country)) continue;
    shaded.push({ row, shape: null, centre: dot(row.country) });
  }
  shaded.sort((a, b) => b.row.count - a.row.count || rowName(a.row).localeCompare(rowName(b.row)));
  const only = state.country && !state.country.includes(',') ? state.country : null;
  const countries = shaded.map(({ row, shape, centre }) => {
    const name = rowName(row);
    const label = `${name}: ${measureNoun(state, row.count)}${row.country === only ? '' : `. Show only ${name}`}.`;
    const parts = [svg('title', {}, label), shape,
      centre ? svg('circle', { class: 'small-country', cx: centre[0], cy: centre[1], r: 4.5, fill: fillOf(row.count) }) : null];
    return row.country === only
      ? svg('g', { class: 'country', role: 'img', 'aria-label': label, 'data-code': row.country }, parts)
      : svg('a', { class: 'country', href: pageUrl(refine(state, { country: row.country })), 'aria-label': label, 'data-code': row.country }, parts);
  });
  const dots = places.filter((p) => p.coordinates).map((p) => {
    const at = projection(p.coordinates);
    if (!at) return null;
    return svg('circle', { class: 'city', cx: at[0], cy: at[1], r: (2.2 + 1.4 * Math.sqrt(p.incidents)).toFixed(1), 'data-city': p.city },
      svg('title', {}, `${p.city}, ${countryName(p.country)}: ${count(p.incidents, 'incident')}`));
  });

  const description = rows.length === 0
    ? 'World map: no host country matches.'
    : `World map of host countries shaded by ${state.measure === 'people' ? 'people affected' : 'incidents'}: ${rows.slice(0, 8).map((r) => `${rowName(r)} ${formatNumber(r.count)}`).join(', ')}${rows.length > 8 ? ` and ${count(rows.length - 8, 'more country', 'more countries')}` : ''}; ${count(places.length, 'city', 'cities')} named.`;
  $('map').replaceChildren(svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': description, class: 'map-svg' },
    svg('desc', {}, description),
    svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) }),
    svg('g', { 'aria-hidden': 'true' }, plain),
    svg('g', { class: 'countries' }, countries),
    svg('g', { class: 'cities', 'aria-hidden': 'true' }, dots),
    legend(state, bounds, fills, max, height, dots.length > 0)));
  $('map').removeAttribute('aria-busy');

  const byCountry = new Map();
  for (const p of places) byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), p]);
  $('map-table').tBodies[0].replaceChildren(...rows.map((r) => h('tr', {},
    h('th', { scope: 'row' }, rowName(r)),
    h('td', {}, formatNumber(r.count)),
    h('td', {}, (byCountry.get(r.country) ?? []).map((p) => `${p.city} (${formatNumber(p.incidents)}${p.coordinates ? '' : ', not placed on the map'})`).join(', ') || '—'))));
  const notes = [];
  if (undisclosed?.incidents) notes.push(`${count(undisclosed.incidents, 'incident')} with no host country disclosed ${undisclosed.incidents === 1 ? 'is' : 'are'} not on the map.`);
  if (state.measure === 'people' && stats.peopleUnknown) notes.push(`${count(stats.peopleUnknown, 'incident')} with no count of people ${stats.peopleUnknown === 1 ? 'adds' : 'add'} nothing to the shading.`);
  $('map-note').textContent = notes.join(' ');
}

function legend(state, bounds, fills, max, height, withCities) {
  if (max === 0) return null;
  const items = bounds.map((b, i) => {
    const next = bounds[i + 1];
    const text = next === undefined ? (b === max ? formatNumber(b) : `${formatNumber(b)}–${formatNumber(max)}`) : (next - 1 === b ? formatNumber(b) : `${formatNumber(b)}–${formatNumber(next - 1)}`);
    return { fill: fills[i], text };
  });
  const rowH = 15;
  const top = height - 8 - rowH * (items.length + (withCities ? 2 : 1));
  return svg('g', { class: 'legend', 'aria-hidden': 'true' },
    svg('text', { x: 8, y: top + 10, class: 'legend-title' }, state.measure === 'people' ? 'People' : 'Incidents'),
    items.map((item, i) => [
      svg('rect', { x: 8, y: top + rowH * (i + 1), width: 14, height: 11, fill: item.fill }),
      svg('text', { x: 28, y: top + rowH * (i + 1) + 10 }, item.text),
    ]),
    withCities ? [
      svg('circle', { class: 'city', cx: 15, cy: top + rowH * (items.length + 1) + 6, r: 3.6 }),
      svg('text', { x: 28, y: top + rowH * (items.length + 1) + 10 }, 'City named'),
    ] : null);
}
