// Host countries ranked by the current measure. Incidents whose host country the sources do not disclose are
// counted apart, so "Show all 90 host countries" lists exactly 90 countries.
import { $, h, svg, count, formatNumber } from './dom.js';
import { countryName } from './api.js';
import { pageUrl, refine } from './state.js';

const RANKED = 6;

/** A stats row's country name: the API's own (countryName) where it gives one, else the /countries name. */
export const rowName = (r) => r.countryName ?? countryName(r.country);

/** The stats rows with a country, largest first (ties by name), and the row for "not disclosed", if any. */
export function hostRows(stats) {
  const rows = stats.rows.filter((r) => r.country !== null && r.count > 0)
    .sort((a, b) => b.count - a.count || rowName(a).localeCompare(rowName(b)));
  return { rows, undisclosed: stats.rows.find((r) => r.country === null) ?? null };
}

export function renderRanking(state, stats, expanded) {
  const { rows, undisclosed } = hostRows(stats);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const shown = expanded ? rows : rows.slice(0, RANKED);
  const only = state.country && !state.country.includes(',') ? state.country : null;
  $('ranking').replaceChildren(...shown.map((r) => {
    const name = rowName(r);
    return h('li', {},
      r.country === only ? h('span', { class: 'name' }, name)
        : h('a', { class: 'name', href: pageUrl(refine(state, { country: r.country })), title: `Show only ${name}` }, name),
      h('span', { class: 'count' }, formatNumber(r.count)),
      svg('svg', { class: 'spark', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
        svg('rect', { x: 0, y: 0, height: 10, width: Math.max(0.5, (r.count / max) * 100) })));
  }));
  if (rows.length === 0) $('ranking').replaceChildren(h('li', { class: 'empty' }, 'No host country to rank.'));
  const note = $('ranking-undisclosed');
  note.hidden = !undisclosed?.incidents;
  if (undisclosed?.incidents) {
    note.textContent = `Not ranked: ${count(undisclosed.incidents, 'incident')} whose host country the sources do not disclose`
      + (state.measure === 'people' ? ` (${count(undisclosed.count, 'person', 'people')}).` : '.');
  }
  const more = $('ranking-more');
  more.hidden = rows.length <= RANKED;
  more.textContent = expanded ? `Show the top ${RANKED} only` : `Show all ${count(rows.length, 'host country', 'host countries')}`;
  more.setAttribute('aria-expanded', String(expanded));
}
