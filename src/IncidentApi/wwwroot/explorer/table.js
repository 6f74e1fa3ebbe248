// The table a reporter reads, and its pager. Sorting is honest about where it happens: date and host country sort
// every match on the server (the list's sort parameter, so the API URL changes); any other column sorts only the
// rows already on this page (the page's own "order" parameter), and the note above the table says so.
import { $, h, count, formatNumber, humanize } from './dom.js';
import { countryName, methodName } from './api.js';
import { pageUrl, readState } from './state.js';
import { ATTRIBUTION, CONFIDENCE } from './filters.js';

const text = (s) => (s ?? '').toLocaleLowerCase();
const targetNames = (i) => i.targets.map((t) => t.name ?? t.nameZh ?? '').join('; ');
/** Each column: a server sort (its key, the direction a first click asks for), or a key to sort the loaded rows by. */
const COLUMNS = {
  date: { name: 'Date', server: 'date', first: '-' },
  country: { name: 'Host country', server: 'country', first: '' },
  title: { name: 'Title', key: (i) => text(i.title), first: '' },
  target: { name: 'Target', key: (i) => text(targetNames(i)) || null, first: '' },
  operation: { name: 'Operation', key: (i) => text(i.operation?.name) || null, first: '' },
  methods: { name: 'Methods', key: (i) => text(i.methods.map(methodName).join(', ')), first: '' },
  outcome: { name: 'Outcome', key: (i) => i.outcome, first: '' },
  people: { name: 'People', key: (i) => i.people, first: '-' },
  attribution: { name: 'Attribution', key: (i) => ATTRIBUTION.indexOf(i.attribution), first: '' },
  confidence: { name: 'Confidence', key: (i) => CONFIDENCE.indexOf(i.confidence), first: '' },
};
const DIRECTION = { people: ['fewest first', 'most first'], attribution: ['strongest first', 'weakest first'], confidence: ['highest first', 'lowest first'] };

/** The server sort in force: the API's default is relevance with search text, else newest first. */
const serverSort = (state) => state.sort ?? (state.q ? 'relevance' : '-date');

/** The page state a click on a column heading asks for. */
export function sortedBy(state, column) {
  const spec = COLUMNS[column];
  if (spec.server) {
    const now = serverSort(state);
    const sort = now === spec.server ? `-${spec.server}` : now === `-${spec.server}` ? spec.server : `${spec.first}${spec.server}`;
    return { ...state, sort: sort === '-date' && !state.q ? undefined : sort, order: undefined, page: undefined };
  }
  const order = state.order === column ? `-${column}` : state.order === `-${column}` ? column : `${spec.first}${column}`;
  return { ...state, order };
}

function sortRows(rows, order) {
  const column = order?.replace(/^-/, '');
  const key = COLUMNS[column]?.key;
  if (!key) return rows;
  const sign = order.startsWith('-') ? -1 : 1;
  // Unknowns (no target named, no count of people) go last whichever way round, as the API puts nulls.
  const missing = (v) => v === null || v === undefined || v === -1 || v === '';
  return rows.map((row, n) => ({ row, n, v: key(row) })).sort((a, b) =>
    (missing(a.v) - missing(b.v)) || (missing(a.v) ? 0 : (a.v < b.v ? -sign : a.v > b.v ? sign : 0)) || a.n - b.n).map((x) => x.row);
}

/** A value the curator read into the sources is marked, with the reason in words for screen readers. */
function mark(incident, field) {
  if (!incident.inferred?.includes(field)) return null;
  return h('span', { class: 'inferred-mark', title: 'Inferred: a curator read this into the sources' }, '*', h('span', { class: 'visually-hidden' }, ' (inferred)'));
}

function targetCell(i) {
  if (i.targets.length === 0) return h('span', { class: 'muted' }, 'Not named');
  return i.targets.map((t, n) => [n > 0 ? '; ' : null, t.name ?? '',
    t.nameZh ? [t.name ? ' ' : null, h('span', { lang: 'zh', class: 'zh' }, t.nameZh)] : null]);
}

export function renderTable(state, incidents, page) {
  const body = $('incidents').tBodies[0];
  renderHeadings(state);
  renderOrderNote(state, incidents, page);
  if (incidents.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 10, class: 'empty' }, page.totalItems > 0
      ? h('a', { href: pageUrl({ ...state, page: undefined }), 'data-view': 'true' }, 'This page is past the last one; go to the first page.')
      : 'No incidents match. Try fewer filters or a wider date range.')));
    return;
  }
  body.replaceChildren(...sortRows(incidents, state.order).map((i) => h('tr', { 'data-id': i.id },
    h('td', { 'data-label': 'Date' }, h('time', { datetime: i.date }, i.date), mark(i, 'date')),
    h('th', { scope: 'row', 'data-label': 'Title' }, h('a', { href: pageUrl({ id: i.id }), 'data-incident': i.id }, i.title)),
    h('td', { 'data-label': 'Target' }, targetCell(i)),
    h('td', { 'data-label': 'Host country' }, i.hostCountry ? [i.hostCountry.name, mark(i, 'hostCountry')] : h('span', { class: 'muted' }, 'Not disclosed'),
      i.city ? h('span', { class: 'city' }, i.city, mark(i, 'city')) : null),
    h('td', { 'data-label': 'Operation' }, i.operation ? [i.operation.name, mark(i, 'operation')] : h('span', { class: 'muted' }, 'None named')),
    h('td', { 'data-label': 'Methods' }, i.methods.map((m, n) => [n > 0 ? ', ' : null, methodName(m), mark(i, `methods.${m}`)])),
    h('td', { 'data-label': 'Outcome' }, humanize(i.outcome), mark(i, 'outcome')),
    h('td', { 'data-label': 'People', class: 'number' }, i.people === null ? h('span', { class: 'muted', title: 'Not given by the sources' }, '?') : [formatNumber(i.people), mark(i, 'people')]),
    h('td', { 'data-label': 'Attribution' }, humanize(i.attribution)),
    h('td', { 'data-label': 'Confidence' }, humanize(i.confidence)))));
}

function renderHeadings(state) {
  const server = serverSort(state);
  for (const th of $('incidents').tHead.rows[0].cells) {
    const column = th.dataset.column;
    const spec = COLUMNS[column];
    let sort = null;
    if (state.order) {
      if (state.order.replace(/^-/, '') === column) sort = state.order.startsWith('-') ? 'descending' : 'ascending';
    } else if (spec.server && server.replace(/^-/, '') === spec.server) {
      sort = server.startsWith('-') ? 'descending' : 'ascending';
    }
    if (sort) th.setAttribute('aria-sort', sort); else th.removeAttribute('aria-sort');
    th.classList.toggle('server-sort', Boolean(spec.server));
    th.querySelector('button').title = spec.server ? `Sort every match by ${spec.name.toLowerCase()} (the API sorts)` : `Sort the rows on this page by ${spec.name.toLowerCase()}`;
  }
}

function renderOrderNote(state, incidents, page) {
  const note = $('order-note');
  const column = state.order?.replace(/^-/, '');
  if (!COLUMNS[column] || COLUMNS[column].server) {
    note.replaceChildren('Date and host country sort every match (the API’s order; host country by ISO code); the other column headings sort the rows on this page.');
    return;
  }
  const [up, down] = DIRECTION[column] ?? ['A to Z', 'Z to A'];
  const way = state.order.startsWith('-') ? down : up;
  const first = (page.number - 1) * page.size + 1;
  const scope = incidents.length >= page.totalItems
    ? `This page holds all ${count(page.totalItems, 'match', 'matches')}, so the order is complete.`
    : `Only the ${count(incidents.length, 'row')} on this page (${formatNumber(first)} to ${formatNumber(first + incidents.length - 1)} of ${formatNumber(page.totalItems)}) are sorted: the API cannot sort by ${COLUMNS[column].name.toLowerCase()}, so other pages are not included.`;
  note.replaceChildren(h('strong', {}, `Sorted by ${COLUMNS[column].name.toLowerCase()}, ${way}, on this page. `), scope, ' ',
    h('a', { href: pageUrl({ ...state, order: undefined }), 'data-view': 'true', id: 'order-reset' }, 'Back to the API’s order'));
}

/** Pager links come from the response's links, so they are exactly the API's pages, as page URLs. */
export function renderPager(state, list) {
  const { number: page, totalPages } = list.page;
  const toPage = (apiLink) => (apiLink ? pageUrl({ ...readState(new URL(apiLink, location.origin).search), measure: state.measure, order: state.order }) : null);
  const set = (id, apiLink, enabled) => {
    const link = $(id);
    const href = enabled ? toPage(apiLink) : null;
    if (href) { link.href = href; link.removeAttribute('aria-disabled'); } else { link.removeAttribute('href'); link.setAttribute('aria-disabled', 'true'); }
  };
  set('page-first', list.links.first, page > 1);
  set('page-prev', list.links.prev, page > 1);
  set('page-next', list.links.next, page < totalPages);
  set('page-last', list.links.last, page < totalPages);
  $('page-status').textContent = `Page ${formatNumber(page)} of ${formatNumber(Math.max(1, totalPages))}`;
}

export function clearPager() {
  for (const id of ['page-first', 'page-prev', 'page-next', 'page-last']) { $(id).removeAttribute('href'); $(id).setAttribute('aria-disabled', 'true'); }
  $('page-status').textContent = '';
}
