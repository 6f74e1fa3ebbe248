// Incidents (or people) per year as an SVG bar chart, drawn at its box's width so its text stays readable. Each bar
// is a link to that year's view; the same numbers are in a table beside it.
import { $, h, svg, count, formatNumber } from './dom.js';
import { ref } from './api.js';
import { pageUrl, refine } from './state.js';

function niceStep(max, ticks) {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

export const measureNoun = (state, n) => (state.measure === 'people' ? count(n, 'person', 'people') : count(n, 'incident'));

export function renderChart(state, stats, width) {
  const figure = $('chart');
  const counts = new Map(stats.rows.filter((r) => r.year !== null).map((r) => [r.year, r.count]));
  $('chart-table').tBodies[0].replaceChildren(...[...counts].map(([year, n]) => h('tr', {}, h('td', {}, year), h('td', {}, formatNumber(n)))));
  if (counts.size === 0 || [...counts.values()].every((n) => n === 0)) {
    figure.replaceChildren(h('p', { class: 'empty' }, state.measure === 'people' ? 'No counts of people to chart.' : 'No incidents to chart.'));
    return;
  }
  // The x axis spans the whole dataset, so charts of different filters line up and can be compared.
  const covered = [ref.dataset?.coverage?.from, ref.dataset?.coverage?.to].filter(Boolean).map((d) => Number(d.slice(0, 4)));
  const years = [...counts.keys(), ...covered];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  width = Math.max(260, Math.round(width || 600));
  const height = 160;
  const pad = { top: 18, right: 8, bottom: 26, left: 38 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(...counts.values());
  const step = niceStep(max, 4);
  const top = Math.ceil(max / step) * step;
  const band = plotW / (last - first + 1);
  const y = (v) => pad.top + plotH - (v / top) * plotH;
  const labelEvery = Math.ceil(40 / band);
  const peak = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));

  const grid = [];
  for (let v = 0; v <= top; v += step) {
    grid.push(svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
    grid.push(svg('text', { class: 'tick', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatNumber(v)));
  }
  const bars = [];
  for (let year = first; year <= last; year++) {
    const n = counts.get(year) ?? 0;
    const x = pad.left + (year - first) * band;
    if (n > 0) {
      const label = `${year}: ${measureNoun(state, n)}. Show only ${year}.`;
      bars.push(svg('a', { href: pageUrl(refine(state, { from: String(year), to: String(year) })), class: 'bar', 'aria-label': label, 'data-year': year, 'data-count': n },
        svg('title', {}, label),
        svg('rect', { x: x + band * 0.15, y: y(n), width: Math.max(1, band * 0.7), height: pad.top + plotH - y(n) }),
        band >= 18 ? svg('text', { class: 'value', x: x + band / 2, y: y(n) - 4, 'text-anchor': 'middle' }, formatNumber(n)) : null));
    }
    if ((year - first) % labelEvery === 0) {
      bars.push(svg('text', { class: 'tick', x: x + band / 2, y: height - 8, 'text-anchor': 'middle' }, year));
    }
  }
  const total = state.measure === 'people' ? stats.totalPeople : stats.totalIncidents;
  const unknown = state.measure === 'people' && stats.peopleUnknown > 0 ? `; ${count(stats.peopleUnknown, 'incident')} with no count of people are left out` : '';
  const description = `Bar chart of ${state.measure === 'people' ? 'people affected' : 'incidents'} per year from ${first} to ${last}; ${measureNoun(state, total)} in all, most in ${peak[0]} (${formatNumber(peak[1])})${unknown}.`;
  figure.replaceChildren(svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': description },
    svg('desc', {}, description),
    grid,
    svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0) }),
    bars));
  $('chart-hint').textContent = `Choose a bar to show only that year.${unknown ? ` ${unknown.slice(2, 3).toUpperCase()}${unknown.slice(3)}.` : ''}`;
}
