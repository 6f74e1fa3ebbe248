// The Explorer: a page over the public API and a worked example of it. Each view is ordinary GETs on /api/v1,
// and the "API URL" box shows the one behind the table. The page's own query string uses the API's parameter
// names, so a view is a link that can be shared. API text is untrusted: it only ever enters the page through
// textContent and attributes, never innerHTML, and the page runs under a CSP with no inline script or style.
// A classic script (see index.html), run once the elements above it exist.
'use strict';

const API = '/api/v1';
const FILTERS = ['q', 'country', 'originCountry', 'operation', 'method', 'outcome', 'targetType', 'from', 'to'];
const LIST = [...FILTERS, 'sort', 'page', 'pageSize'];
const PAGE_KEYS = [...LIST, 'incident'];   // incident = the one open in the dialog; page state, not an API filter
const FORM_FIELDS = { q: 'f-q', country: 'f-country', operation: 'f-operation', method: 'f-method', outcome: 'f-outcome', from: 'f-from', to: 'f-to', sort: 'f-sort', pageSize: 'f-page-size' };
const RANKED = 6;
const SVG = 'http://www.w3.org/2000/svg';
// 1,234: by hand, as Intl's first use costs a fresh page tens of milliseconds before the first request.
const number = { format: (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') };

const $ = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes, so data is never parsed as HTML. */
function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}
function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}
function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Only http(s) links from the data become hrefs: a javascript: URL in a source must never be clickable. */
function safeHref(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const humanize = (slug) => slug ? slug.charAt(0).toUpperCase() + slug.slice(1).replaceAll('-', ' ') : '';

// ---- state: the page URL is the state ---------------------------------------------------------------------

function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of PAGE_KEYS) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') state[key] = value.trim();
  }
  // The API's defaults, dropped so that equal views have equal URLs (the API's own links always name page).
  if (state.page === '1') delete state.page;
  if (state.pageSize === '50') delete state.pageSize;
  return state;
}

function query(state, keys, first = []) {
  const params = new URLSearchParams(first);
  for (const key of keys) {
    const value = state[key];
    if (value === undefined || value === '') continue;
    params.append(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const pageUrl = (state) => `/${query(state, PAGE_KEYS)}`;
const listUrl = (state) => `${API}/incidents${query(state, LIST)}`;
const statsUrl = (state, groupBy) => `${API}/stats${query(state, FILTERS, [['groupBy', groupBy]])}`;
const withFormat = (url, format) => `${url}${url.includes('?') ? '&' : '?'}format=${format}`;

// ---- fetching ---------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `The API answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

async function getJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not problem+json: keep the status */ }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

// ---- reference data: the dataset and the filter vocabularies, loaded once ---------------------------------

const ref = { dataset: null, countries: new Map(), methods: new Map(), operations: new Map() };
// What the first view needs besides its own data (names and the date coverage); settles either way.
let namesSettled;
const namesReady = new Promise((resolve) => { namesSettled = resolve; });
let firstViewSettled;
const firstView = new Promise((resolve) => { firstViewSettled = resolve; });   // shown, or failed

/** Called after the view's own requests have started, so those go first. A browser opens six connections at a
 *  time, and the view's three plus these three make six: the lists only the form needs wait for the first view. */
function loadReference() {
  const dataset = getJson(`${API}/dataset`).then((d) => { ref.dataset = d; renderGlance(d); });
  const countries = getJson(`${API}/countries?hasIncidents=true`).then((list) => {
    for (const c of list) ref.countries.set(c.code, c);
    fillSelect($('f-country'), list.map((c) => option(c.code, `${c.name} (${number.format(c.incidentCount)})`)));
  });
  const methods = getJson(`${API}/methods`).then((list) => {
    for (const m of list) ref.methods.set(m.slug, m);
    fillSelect($('f-method'), list.map((m) => option(m.slug, `${m.name} (${number.format(m.incidentCount)})`)));
  });
  Promise.all([dataset, countries, methods]).then(namesSettled, namesSettled);
  const later = firstView.then(() => Promise.all([
    getJson(`${API}/operations`).then((list) => {
      for (const o of list) ref.operations.set(o.slug, o);
      fillSelect($('f-operation'), operationOptions(list));
    }),
    getJson(`${API}/stats?groupBy=outcome`).then((stats) =>
      fillSelect($('f-outcome'), stats.rows.map((r) => option(r.outcome, `${humanize(r.outcome)} (${number.format(r.count)})`)))),
  ]));
  Promise.all([dataset, countries, methods, later]).catch(showError);
}

const option = (value, label) => h('option', { value }, label);

/** Fills a filter's list, then selects what the page URL asks for (the list may arrive after the URL was read). */
function fillSelect(select, options) {
  const any = select.options[0];
  select.replaceChildren(any, ...options);
  select.dataset.filled = 'true';
  setControl(select, readState()[select.name] ?? '');
}

/** Operations without campaigns first; then each parent as a group: the parent (all of it), then its campaigns.
 *  A parent's incidentCount already includes its campaigns, as its filter does. */
function operationOptions(operations) {
  const children = new Map();
  for (const o of operations) if (o.parent) children.set(o.parent, [...(children.get(o.parent) ?? []), o]);
  const roots = operations.filter((o) => !o.parent || !operations.some((p) => p.slug === o.parent));
  const plain = roots.filter((o) => !children.has(o.slug)).map((o) => option(o.slug, `${o.name} (${number.format(o.incidentCount)})`));
  const groups = roots.filter((o) => children.has(o.slug)).map((o) => h('optgroup', { label: `${o.name} and its campaigns` },
    option(o.slug, `${o.name} (${number.format(o.incidentCount)})`),
    children.get(o.slug).map((c) => option(c.slug, `${c.name} (${number.format(c.incidentCount)})`))));
  return [...plain, ...groups];
}

function renderGlance(d) {
  const set = (field, value) => { $('glance').querySelector(`[data-field="${field}"]`).textContent = value; };
  set('incidents', number.format(d.counts.incidents));
  set('hostCountries', number.format(d.counts.hostCountries));
  set('originCountries', number.format(d.counts.originCountries));
  set('sources', number.format(d.counts.sources));
  set('coverage', d.coverage.from && d.coverage.to ? `${d.coverage.from} to ${d.coverage.to}` : 'none');
  set('version', d.version);
  $('glance').removeAttribute('aria-busy');
  $('citation').textContent = d.citation;
  const url = safeHref(d.licenseUrl);
  $('license').replaceChildren(url ? h('a', { href: url, rel: 'license noopener' }, d.license) : d.license);
  $('corrections').textContent = d.corrections ? `Corrections: ${d.corrections}` : '';
}

// ---- the form mirrors the URL ------------------------------------------------------------------------------

function setControl(control, value) {
  // A shared link may hold a value the list does not offer (e.g. country=CA,AU): show it rather than drop it. A list
  // not yet filled (data-filled) may simply not have arrived; fillSelect sets its value when it does.
  if (control instanceof HTMLSelectElement && value && control.dataset.filled && ![...control.options].some((o) => o.value === value)) {
    control.append(option(value, `${value} (from the link)`));
  }
  control.value = value;
}

function writeForm(state) {
  for (const [key, id] of Object.entries(FORM_FIELDS)) setControl($(id), state[key] ?? '');
  sortLabel();
}

/** The folded form (on a phone) still says how many filters apply. */
function showActive(state) {
  const active = FILTERS.filter((key) => state[key]).length;
  $('active-filters').textContent = active ? `${active} active` : '';
}

// With search text the API's default order is relevance, so the default option says what it will do.
function sortLabel() {
  $('f-sort-default').textContent = $('f-q').value.trim() ? 'Best match first' : 'Newest first';
}

function readForm() {
  const state = {};
  for (const [key, id] of Object.entries(FORM_FIELDS)) {
    const value = $(id).value.trim();
    if (value) state[key] = value;
  }
  // Filters the form has no control for (originCountry, targetType) stay as the link gave them.
  const current = readState();
  for (const key of ['originCountry', 'targetType']) if (current[key]) state[key] = current[key];
  return state;
}

function go(state) {
  const url = pageUrl(state);
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  return render(readState());
}

function applyForm() {
  for (const id of ['f-from', 'f-to']) {
    if (!$(id).checkValidity()) { $(id).reportValidity(); return; }
  }
  go(readForm());   // a new filter starts at page 1 and closes any open incident
}

// ---- the view: table, chart and ranking for the current state ---------------------------------------------

let inflight = null;
let lastView = null;
let renderedList = null;
let firstDataMarked = false;
let chartWidth = 0;   // from the ResizeObserver, so drawing never forces a layout of its own

async function render(state) {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  const list = listUrl(state);
  renderedList = list;
  showApiUrl(list);
  showActive(state);
  const results = document.querySelector('.results');
  results.setAttribute('aria-busy', 'true');
  syncIncident(state);
  try {
    const [incidents, years, countries] = await Promise.all([
      getJson(list, controller.signal),
      getJson(statsUrl(state, 'year'), controller.signal),
      getJson(statsUrl(state, 'country'), controller.signal),
      namesReady,   // method and country names, the chart's span; the view shows without them if they fail
    ]);
    if (controller.signal.aborted) return;
    lastView = { state, years, countries };
    $('error').hidden = true;
    renderSummary(state, incidents);
    renderTable(state, incidents.data, incidents.page.totalItems);
    renderPager(incidents);
    renderChart(state, years);
    renderRanking(state, countries);
    // A frame, then a task: the mark falls after the first view has been painted. For anyone measuring (the
    // browser tests hold it under 300 ms).
    if (!firstDataMarked) {
      firstDataMarked = true;
      requestAnimationFrame(() => setTimeout(() => performance.mark('explorer:first-data')));
    }
  } catch (error) {
    if (controller.signal.aborted || error.name === 'AbortError') return;
    showError(error);
  } finally {
    if (inflight === controller) results.removeAttribute('aria-busy');
    if (!controller.signal.aborted) firstViewSettled();
  }
}

function showApiUrl(list) {
  const url = new URL(list, location.origin).href;
  $('api-url').href = list;
  $('api-url').textContent = url;
  $('csv').href = withFormat(list, 'csv');
  $('geojson').href = withFormat(list, 'geojson');
  $('copy-status').textContent = '';
}

function renderSummary(state, incidents) {
  const { totalItems, number: page, size } = incidents.page;
  const filtered = FILTERS.some((key) => state[key]);
  const noun = totalItems === 1 ? 'incident' : 'incidents';
  let text = `${number.format(totalItems)} ${noun} ${filtered ? 'match these filters' : 'in the dataset'}`;
  if (totalItems > 0 && incidents.data.length > 0) {
    const first = (page - 1) * size + 1;
    text += `; showing ${number.format(first)} to ${number.format(first + incidents.data.length - 1)}.`;
  } else if (totalItems > 0) {
    text += `; page ${number.format(page)} is past the last page.`;
  } else {
    text += '.';
  }
  $('summary').textContent = text;
}

function methodName(slug) { return ref.methods.get(slug)?.name ?? humanize(slug); }
function countryName(code) { return ref.countries.get(code)?.name ?? code; }

function renderTable(state, incidents, total) {
  const body = $('incidents').tBodies[0];
  if (incidents.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'empty' }, total > 0
      ? h('a', { href: pageUrl({ ...state, page: undefined }), 'data-view': 'true' }, 'This page is past the last one; go to the first page.')
      : 'No incidents match. Try fewer filters or a wider date range.')));
    return;
  }
  body.replaceChildren(...incidents.map((i) => h('tr', { 'data-id': i.id },
    h('td', { 'data-label': 'Date' }, h('time', { datetime: i.date }, i.date)),
    h('th', { scope: 'row', 'data-label': 'Title' }, h('a', { href: pageUrl({ ...state, incident: i.id }), 'data-incident': i.id }, i.title)),
    h('td', { 'data-label': 'Host country' }, i.hostCountry ? i.hostCountry.name : h('span', { class: 'muted' }, 'Not disclosed')),
    h('td', { 'data-label': 'Operation' }, i.operation ? i.operation.name : h('span', { class: 'muted' }, 'None')),
    h('td', { 'data-label': 'Methods' }, i.methods.map(methodName).join(', ')),
    h('td', { 'data-label': 'Outcome' }, humanize(i.outcome)))));
}

/** Pager links come from the response's links, so they are exactly the API's pages, as page URLs. */
function renderPager(incidents) {
  const { number: page, totalPages } = incidents.page;
  const toPage = (apiLink) => apiLink ? pageUrl(readState(new URL(apiLink, location.origin).search)) : null;
  const set = (id, apiLink, enabled) => {
    const link = $(id);
    const href = enabled ? toPage(apiLink) : null;
    if (href) { link.href = href; link.removeAttribute('aria-disabled'); } else { link.removeAttribute('href'); link.setAttribute('aria-disabled', 'true'); }
  };
  set('page-first', incidents.links.first, page > 1);
  set('page-prev', incidents.links.prev, page > 1);
  set('page-next', incidents.links.next, page < totalPages);
  set('page-last', incidents.links.last, page < totalPages);
  $('page-status').textContent = `Page ${number.format(page)} of ${number.format(totalPages)}`;
}

function showError(error) {
  const box = $('error');
  const problem = error.problem;
  const items = problem?.errors ? Object.entries(problem.errors).map(([name, messages]) => h('li', {}, h('code', {}, name), `: ${messages.join(' ')}`)) : [];
  box.replaceChildren(
    h('p', {}, h('strong', {}, problem?.title ?? 'Something went wrong'), ` ${error.message}`),
    items.length ? h('ul', {}, items) : null);
  box.hidden = false;
  $('summary').textContent = error instanceof ApiError ? 'The API did not accept this view.' : 'The API could not be reached.';
  $('incidents').tBodies[0].replaceChildren();
  $('chart').replaceChildren();
  $('chart-table').tBodies[0].replaceChildren();
  $('ranking').replaceChildren();
  $('ranking-more').hidden = true;
  for (const id of ['page-first', 'page-prev', 'page-next', 'page-last']) { $(id).removeAttribute('href'); $(id).setAttribute('aria-disabled', 'true'); }
  $('page-status').textContent = '';
}

// ---- chart: incidents per year as inline SVG ------------------------------------------------------------

function niceStep(max, ticks) {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

function renderChart(state, stats) {
  const figure = $('chart');
  const counts = new Map(stats.rows.filter((r) => r.year !== null).map((r) => [r.year, r.count]));
  const tableBody = $('chart-table').tBodies[0];
  tableBody.replaceChildren(...[...counts].map(([year, count]) => h('tr', {}, h('td', {}, year), h('td', {}, number.format(count)))));
  if (counts.size === 0) {
    figure.replaceChildren(h('p', { class: 'empty' }, 'No incidents to chart.'));
    return;
  }
  // The x axis spans the whole dataset, so charts of different filters line up and can be compared.
  const covered = [ref.dataset?.coverage?.from, ref.dataset?.coverage?.to].filter(Boolean).map((d) => Number(d.slice(0, 4)));
  const years = [...counts.keys(), ...covered];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const width = Math.max(260, Math.round(chartWidth || 600));
  const height = 150;
  const pad = { top: 16, right: 8, bottom: 26, left: 34 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(...counts.values());
  const step = niceStep(max, 4);
  const top = Math.ceil(max / step) * step;
  const n = last - first + 1;
  const band = plotW / n;
  const y = (v) => pad.top + plotH - (v / top) * plotH;
  const labelEvery = Math.ceil(40 / band);
  const peak = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));

  const grid = [];
  for (let v = 0; v <= top; v += step) {
    grid.push(svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
    grid.push(svg('text', { class: 'tick', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, number.format(v)));
  }
  const bars = [];
  for (let year = first; year <= last; year++) {
    const count = counts.get(year) ?? 0;
    const x = pad.left + (year - first) * band;
    if (count > 0) {
      const label = `${year}: ${number.format(count)} ${count === 1 ? 'incident' : 'incidents'}. Show only ${year}.`;
      const target = pageUrl({ ...state, from: String(year), to: String(year), page: undefined, incident: undefined });
      bars.push(svg('a', { href: target, class: 'bar', 'aria-label': label, 'data-year': year },
        svg('title', {}, label),
        svg('rect', { x: x + band * 0.15, y: y(count), width: Math.max(1, band * 0.7), height: pad.top + plotH - y(count) }),
        band >= 18 ? svg('text', { class: 'value', x: x + band / 2, y: y(count) - 4, 'text-anchor': 'middle' }, number.format(count)) : null));
    }
    if ((year - first) % labelEvery === 0) {
      bars.push(svg('text', { class: 'tick', x: x + band / 2, y: height - 8, 'text-anchor': 'middle' }, year));
    }
  }
  const description = `Bar chart of incidents per year from ${first} to ${last}; ${number.format(stats.totalIncidents)} in all, most in ${peak[0]} (${number.format(peak[1])}).`;
  figure.replaceChildren(svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': description },
    svg('desc', {}, description),
    grid,
    svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0) }),
    bars));
}

// ---- ranking: host countries for the current filter -----------------------------------------------------

let rankingExpanded = false;

function renderRanking(state, stats) {
  const rows = [...stats.rows].sort((a, b) => (a.country === null) - (b.country === null) || b.count - a.count
    || (countryName(a.country ?? '') < countryName(b.country ?? '') ? -1 : 1));
  const max = Math.max(1, ...rows.map((r) => r.count));
  const shown = rankingExpanded ? rows : rows.slice(0, RANKED);
  $('ranking').replaceChildren(...shown.map((r) => {
    const name = r.country === null ? 'Not disclosed' : countryName(r.country);
    const label = r.country === null || state.country === r.country
      ? h('span', { class: 'name' }, name)
      : h('a', { class: 'name', href: pageUrl({ ...state, country: r.country, page: undefined, incident: undefined }), title: `Show only ${name}` }, name);
    return h('li', {},
      label,
      h('span', { class: 'count' }, number.format(r.count)),
      svg('svg', { class: 'spark', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
        svg('rect', { x: 0, y: 0, height: 10, width: Math.max(0.5, (r.count / max) * 100) })));
  }));
  if (rows.length === 0) $('ranking').replaceChildren(h('li', { class: 'empty' }, 'No incidents match.'));
  const more = $('ranking-more');
  more.hidden = rows.length <= RANKED;
  more.textContent = rankingExpanded ? `Show the top ${RANKED} only` : `Show all ${number.format(rows.length)}`;
  more.setAttribute('aria-expanded', String(rankingExpanded));
}

// ---- one incident, with every source ---------------------------------------------------------------------

let openedFrom = null;
let shownIncident = null;

function syncIncident(state) {
  const dialog = $('incident');
  if (!state.incident) {
    shownIncident = null;
    if (dialog.open) dialog.close();
    return;
  }
  if (state.incident === shownIncident && dialog.open) return;
  shownIncident = state.incident;
  $('incident-body').replaceChildren(h('p', { id: 'incident-title' }, 'Loading the incident…'));
  if (!dialog.open) dialog.showModal();
  loadIncident(state.incident);
}

async function loadIncident(id) {
  try {
    const [incident] = await Promise.all([getJson(`${API}/incidents/${encodeURIComponent(id)}`), namesReady]);
    if (shownIncident === id) renderIncident(incident);
  } catch (error) {
    if (shownIncident !== id) return;
    $('incident-body').replaceChildren(
      h('h2', { id: 'incident-title' }, error.status === 404 ? 'No such incident' : 'The incident could not be loaded'),
      h('p', {}, error.status === 404 ? `There is no incident with the id “${id}”.` : error.message));
  }
}

function renderIncident(i) {
  const fact = (term, ...value) => value.some((v) => v !== null && v !== undefined && v !== '') ? [h('dt', {}, term), h('dd', {}, ...value)] : [];
  const target = i.target ?? {};
  const apiPath = `${API}/incidents/${encodeURIComponent(i.id)}`;
  $('incident-body').replaceChildren(
    h('p', { class: 'kicker' }, [i.operation?.name, i.hostCountry?.name].filter(Boolean).join(' · ') || 'Incident'),
    h('h2', { id: 'incident-title' }, i.title),
    h('dl', { class: 'facts' },
      fact('Date', h('time', { datetime: i.date }, i.date), i.datePrecision !== 'day' ? ` (known to the ${i.datePrecision})` : '', i.dateMeaning ? `: ${i.dateMeaning}` : ''),
      fact('Origin state', i.originCountry?.name),
      fact('Host country', i.hostCountry ? i.hostCountry.name : 'Not disclosed by the sources', i.city ? `, ${i.city}` : ''),
      fact('Operation', i.operation?.name ?? 'None named'),
      fact('Target', target.name ?? 'Not named', target.nameZh ? [' (', h('span', { lang: 'zh' }, target.nameZh), ')'] : '', target.type ? `, ${target.type.replaceAll('-', ' ')}` : ''),
      fact('Methods', i.methods.map(methodName).join(', ')),
      fact('Outcome', humanize(i.outcome)),
      fact('Confidence', i.confidence),
      fact('Record', h('code', {}, i.id), `, added ${i.addedOn}, updated ${i.updatedOn}`)),
    h('p', { class: 'incident-summary' }, i.summary),
    i.notes ? h('p', { class: 'notes' }, h('strong', {}, 'Curator’s notes: '), i.notes) : null,
    h('h3', {}, `Sources (${i.sources.length})`),
    h('ol', { class: 'sources' }, i.sources.map((s) => {
      const href = safeHref(s.url);
      const title = s.title || s.url;
      return h('li', {},
        href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, title) : h('span', {}, title),
        h('span', { class: 'source-meta' }, ` ${s.publisher}${s.publishedOn ? `, ${s.publishedOn}` : ''}`),
        h('blockquote', { cite: href }, h('p', {}, s.quote)));
    })),
    h('p', { class: 'hint' }, 'This record from the API: ', h('a', { href: apiPath }, apiPath)));
}

function openIncident(id, link) {
  openedFrom = link ?? null;
  history.pushState({ incident: id }, '', pageUrl({ ...readState(), incident: id }));
  syncIncident(readState());
}

function closeIncident() {
  const state = readState();
  if (!state.incident) return;
  if (history.state?.incident === state.incident) history.back();   // the entry we pushed: Back and Close agree
  else { history.replaceState(null, '', pageUrl({ ...state, incident: undefined })); syncIncident(readState()); }
}

// ---- wiring ------------------------------------------------------------------------------------------------

function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

function start() {
  // On a phone the form would push the results a screen down: start it folded, its summary saying what is active.
  if (matchMedia('(max-width: 640px)').matches) $('filters-panel').open = false;
  writeForm(readState());
  render(readState());
  loadReference();

  const form = $('filters');
  form.addEventListener('submit', (event) => { event.preventDefault(); applyForm(); });
  form.addEventListener('change', (event) => { if (event.target.id !== 'f-q') applyForm(); });
  $('f-q').addEventListener('input', sortLabel);
  $('f-page-size').addEventListener('change', applyForm);
  $('reset').addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    go({});
  });

  // Links inside the page (pager, chart bars, ranking) change the view without reloading it.
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href]');
    if (!link || !isPlainClick(event)) return;
    if (link.dataset.incident) { event.preventDefault(); openIncident(link.dataset.incident, link); return; }
    const inView = link.closest('#pager, #chart, #ranking, [data-view]');
    if (inView) {
      event.preventDefault();
      go(readState(new URL(link.getAttribute('href'), location.origin).search));
      if (link.closest('#pager')) $('results-h').focus();
    }
  });
  // A click anywhere on a row opens it, as its title link does for the keyboard.
  $('incidents').tBodies[0].addEventListener('click', (event) => {
    if (event.target.closest('a') || !isPlainClick(event) || getSelection().toString()) return;   // not while selecting text
    const link = event.target.closest('tr')?.querySelector('a[data-incident]');
    if (link) openIncident(link.dataset.incident, link);
  });

  const dialog = $('incident');
  $('incident-close').addEventListener('click', closeIncident);
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); closeIncident(); });
  dialog.addEventListener('click', (event) => { if (event.target === dialog) closeIncident(); });   // the backdrop
  dialog.addEventListener('close', () => {
    if (openedFrom?.isConnected) openedFrom.focus();
    openedFrom = null;
  });

  $('ranking-more').addEventListener('click', () => {
    rankingExpanded = !rankingExpanded;
    if (lastView) renderRanking(lastView.state, lastView.countries);
  });

  $('copy').addEventListener('click', async () => {
    const url = $('api-url').textContent;
    try {
      await navigator.clipboard.writeText(url);
      $('copy-status').textContent = 'API URL copied.';
    } catch {
      // No clipboard (an insecure origin, or permission refused): select the URL so one keystroke copies it.
      getSelection().selectAllChildren($('api-url'));
      $('copy-status').textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  });

  window.addEventListener('popstate', () => {
    const state = readState();
    writeForm(state);
    // Opening or closing an incident leaves the list as it is (and keyboard focus on the row that opened it).
    if (listUrl(state) === renderedList) syncIncident(state);
    else render(state);
  });

  // Draw the chart at its box's width rather than scaling it, so its text stays readable. The observer reports
  // after layout and before paint, so the first frame already has the chart at the right width.
  new ResizeObserver(([entry]) => {
    const now = Math.round(entry.contentRect.width);
    if (Math.abs(now - chartWidth) < 8) return;
    chartWidth = now;
    if (lastView) renderChart(lastView.state, lastView.years);
  }).observe($('chart'));
}

start();
