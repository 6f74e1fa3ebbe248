// The page: its three views, navigation between them, and the wiring of its controls. Each view comes from one
// URL of the page and is shown with the API URL behind it: the list (table, map, chart and ranking of the filtered
// incidents), one incident (/?id=…) and one release's changes (/?release=…). main.js starts the first view's
// requests before this module is even evaluated; the map, the downloads and the record views load when needed.
import { $, h, count, agree, formatNumber, safeHref, isPlainClick } from './dom.js';
import { ApiError, getJson, loadNames, ref, firstRequests } from './api.js';
import { readState, pageUrl, listUrl, statsUrl, pointsUrl, downloadUrl, viewKey, isFiltered } from './state.js';
import { setUpForm, writeForm, readForm, formIsValid, fillAll, describeFilters } from './filters.js';
import { renderTable, renderPager, clearPager, sortedBy } from './table.js';
import { renderChart } from './chart.js';
import { renderRanking } from './ranking.js';

// Modules only some views need, loaded on first use.
const modules = {};
const lazy = (name, load) => () => (modules[name] ??= load());
const mapModule = lazy('map', () => import('./map.js'));
const exportModule = lazy('export', () => import('./export.js'));
const incidentModule = lazy('incident', () => import('./incident.js'));
const releaseModule = lazy('release', () => import('./release.js'));

const TITLE = document.title;
// What the first view names things with: the dataset (the chart's span) and the methods (the table's names); it
// shows without them if they fail. Country names come with the stats rows (countryName); /countries, which the
// form needs, is not waited for.
const namesReady = Promise.allSettled([loadNames().dataset, loadNames().methods]);
let firstViewSettled;
const firstView = new Promise((resolve) => { firstViewSettled = resolve; });

// ---- the list view ---------------------------------------------------------------------------------------

let inflight = null;
let renderedKey = null;
let lastView = null;   // { state, list, years, countries, points }
let firstDataMarked = false;
let rankingExpanded = false;
const widths = { chart: 0, map: 0 };   // from ResizeObservers, so drawing never forces a layout of its own

async function render(state) {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  renderedKey = viewKey(state);
  const list = listUrl(state);
  showApiUrls(state, list);
  const busy = (on) => { for (const e of [$('table-section'), document.querySelector('.results')]) on ? e.setAttribute('aria-busy', 'true') : e.removeAttribute('aria-busy'); };
  busy(true);
  $('map').setAttribute('aria-busy', 'true');
  try {
    const early = firstRequests(renderedKey);   // the first view's requests, already started by main.js
    const [incidents, years, countries] = await Promise.all([
      early?.list ?? getJson(list, controller.signal),
      early?.years ?? getJson(statsUrl(state, 'year'), controller.signal),
      early?.countries ?? getJson(statsUrl(state, 'country'), controller.signal),
      namesReady,
    ]);
    if (controller.signal.aborted) return;
    lastView = { state, list: incidents, years, countries, points: null };
    $('error').hidden = true;
    renderSummary(state, incidents);
    renderTable(state, incidents.data, incidents.page);
    renderPager(state, incidents);
    renderChart(state, years, widths.chart);
    renderRanking(state, countries, rankingExpanded);
    busy(false);
    // A frame, then a task: the mark falls after the first view has been painted. For anyone measuring (the
    // browser tests print it; the goal is under 500 ms).
    if (!firstDataMarked) {
      firstDataMarked = true;
      requestAnimationFrame(() => setTimeout(() => performance.mark('explorer:first-data')));
    }
    firstViewSettled();
    // The map: its own request (every match's point) and, the first time, the vendored shapes and libraries.
    const [points, map] = await Promise.all([getJson(pointsUrl(state), controller.signal), mapModule()]);
    const world = await map.loadAtlas();
    if (controller.signal.aborted) return;
    lastView.points = points;
    lastView.world = world;
    map.renderMap(state, countries, points, world, widths.map);
  } catch (error) {
    if (controller.signal.aborted || error.name === 'AbortError') return;
    if (lastView?.state === state) {   // the list is shown; only the map failed
      $('map').replaceChildren(h('p', { class: 'empty' }, `The map could not be drawn: ${error.message}`));
      $('map').removeAttribute('aria-busy');
    } else {
      showError(error);
    }
  } finally {
    if (inflight === controller) busy(false);
    if (!controller.signal.aborted) firstViewSettled();
  }
}

function showApiUrls(state, list) {
  $('api-url').href = list;
  $('api-url').textContent = new URL(list, location.origin).href;
  $('csv').href = downloadUrl(state, 'csv');
  $('geojson').href = downloadUrl(state, 'geojson');
  $('copy-status').textContent = '';
  const link = (id, url) => { $(id).href = url; $(id).textContent = url; $(id).title = url; };
  link('chart-url', statsUrl(state, 'year'));
  link('map-url', statsUrl(state, 'country'));
  link('points-url', pointsUrl(state));
  const people = state.measure === 'people';
  for (const e of document.querySelectorAll('.measure-noun')) e.textContent = people ? 'people affected' : 'incidents';
  for (const e of document.querySelectorAll('.measure-title')) e.textContent = people ? 'People' : 'Incidents';
}

function renderSummary(state, incidents) {
  const { totalItems, number: page, size } = incidents.page;
  let text = isFiltered(state)
    ? `${count(totalItems, 'incident')} ${agree(totalItems, 'matches', 'match')} these filters`
    : `${count(totalItems, 'incident')} in the dataset`;
  if (totalItems > 0 && incidents.data.length > 0) {
    const first = (page - 1) * size + 1;
    const last = first + incidents.data.length - 1;
    text += first === last ? `; showing ${formatNumber(first)}.` : `; showing ${formatNumber(first)} to ${formatNumber(last)}.`;
  } else if (totalItems > 0) {
    text += `; page ${formatNumber(page)} is past the last page.`;
  } else {
    text += '.';
  }
  $('summary').textContent = text;
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
  lastView = null;
  for (const id of ['chart', 'ranking', 'map']) $(id).replaceChildren();
  for (const id of ['incidents', 'chart-table', 'map-table']) $(id).tBodies[0].replaceChildren();
  $('map').removeAttribute('aria-busy');
  $('map-note').textContent = '';
  $('ranking-more').hidden = true;
  $('ranking-undisclosed').hidden = true;
  clearPager();
}

function renderGlance(d) {
  const set = (field, value) => { $('glance').querySelector(`[data-field="${field}"]`).textContent = value; };
  set('incidents', formatNumber(d.counts.incidents));
  set('hostCountries', formatNumber(d.counts.hostCountries));
  set('originCountries', formatNumber(d.counts.originCountries));
  set('sources', formatNumber(d.counts.sources));
  set('coverage', d.coverage.from && d.coverage.to ? `${d.coverage.from} to ${d.coverage.to}` : 'none');
  set('release', d.release ? `${d.release.version} (${d.release.date})` : d.version);
  $('glance').querySelector('[data-field="release"]').title = `Dataset version ${d.version}`;
  $('glance').removeAttribute('aria-busy');
  $('citation').textContent = d.citation;
  const url = safeHref(d.licenseUrl);
  $('license').replaceChildren(url ? h('a', { href: url, rel: 'license noopener' }, d.license) : d.license);
  $('corrections').textContent = d.corrections ? `Corrections: ${d.corrections}` : '';
}

// ---- views and navigation ----------------------------------------------------------------------------------

let openedFrom = null;   // the incident whose link opened it, for focus when the list comes back
let listScroll = 0;

function route(state) {
  const view = state.id ? 'record' : state.release ? 'release' : 'list';
  if (view !== 'list' && !$('list-view').hidden) listScroll = scrollY;
  $('list-view').hidden = view !== 'list';
  $('record').hidden = view !== 'record';
  $('release').hidden = view !== 'release';
  const setApi = (id) => (url) => { $(id).href = url; $(id).textContent = new URL(url, location.origin).href; };
  if (view !== 'record') modules.incident?.then((m) => m.forgetIncident());
  if (view !== 'release') modules.release?.then((m) => m.forgetRelease());
  if (view === 'record') {
    scrollTo(0, 0);
    incidentModule().then((m) => m.showIncident(state.id, setApi('record-api')));
    return;
  }
  if (view === 'release') {
    scrollTo(0, 0);
    releaseModule().then((m) => m.showRelease(state.release, setApi('release-api')));
    return;
  }
  document.title = TITLE;
  if (viewKey(state) !== renderedKey) {
    render(state);
  } else if (lastView && lastView.state.order !== state.order) {
    // The same rows in another order: nothing to fetch.
    lastView.state = state;
    renderTable(state, lastView.list.data, lastView.list.page);
  }
}

function go(state, { replace = false } = {}) {
  const url = pageUrl(state);
  if (url !== `${location.pathname}${location.search}`) {
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  }
  const now = readState();
  writeForm(now);
  route(now);
}

function applyForm() {
  if (formIsValid()) go(readForm());   // a new filter starts at page 1
}

/** An incident from a row or a link: its permanent URL, with Back (or "Back to the list") returning here. */
function openRecord(id) {
  openedFrom = $('list-view').hidden ? null : id;
  history.pushState({ fromList: !$('list-view').hidden }, '', pageUrl({ id }));
  route(readState());
  $('record-body').focus({ preventScroll: true });
}

function backToList(event) {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  if (history.state?.fromList) history.back();   // the entry we pushed: Back and the link agree
  else go({});
}

function restoreList() {
  scrollTo(0, listScroll);
  if (openedFrom) $('incidents').querySelector(`a[data-incident="${CSS.escape(openedFrom)}"]`)?.focus({ preventScroll: true });
  openedFrom = null;
}

// ---- downloads of the graphics -----------------------------------------------------------------------------

async function download(graphic, format) {
  const drawn = $(graphic).querySelector('svg');
  const status = $(`${graphic}-url`).closest('section').querySelector('.exports');
  if (!drawn || !lastView) return;
  const state = lastView.state;
  const people = state.measure === 'people';
  const d = ref.dataset;
  const credit = `Source: ${d?.title ?? 'IncidentApi'}${d?.release ? `, release ${d.release.version} (${d.release.date})` : ''}${d ? `, dataset version ${d.version}` : ''}`
    + (graphic === 'map' ? '. Map: Natural Earth.' : '.');
  const urls = graphic === 'map' ? [statsUrl(state, 'country'), pointsUrl(state)] : [statsUrl(state, 'year')];
  const { standalone, svgBlob, pngBlob, save } = await exportModule();
  const node = standalone(drawn, {
    title: graphic === 'map' ? `Host countries by ${people ? 'people affected' : 'incidents'}` : `${people ? 'People affected' : 'Incidents'} per year`,
    subtitle: describeFilters(state),
    credit,
    url: `Data: ${urls.map((u) => new URL(u, location.origin).href).join(' and ')}`,
  });
  const name = graphic === 'map' ? 'host-countries-map' : 'incidents-per-year';
  try {
    save(format === 'svg' ? svgBlob(node) : await pngBlob(node), `${name}.${format}`);
  } catch (error) {
    status.append(h('span', { class: 'error-text' }, error.message));
  }
}

// ---- wiring ------------------------------------------------------------------------------------------------

export function start() {
  // On a phone the form would push the results a screen down: start it folded, its summary saying what is active.
  // The stylesheet hides the unfolded form on a phone until this runs, so the fold moves nothing on screen.
  if (matchMedia('(max-width: 640px)').matches) $('filters-panel').open = false;
  $('filters-panel').dataset.ready = 'true';
  setUpForm();
  const state = readState();
  if (new URLSearchParams(location.search).has('incident')) history.replaceState(null, '', pageUrl(state));   // v1 links
  writeForm(state);
  route(state);
  loadNames().dataset.then(renderGlance, () => {});
  Promise.all([loadNames().countries, loadNames().methods]).catch(showError);
  // An API whose stats rows carry no countryName: rank again once /countries has named them.
  loadNames().countries.then(() => {
    if (lastView?.countries.rows.some((r) => r.country && !r.countryName)) renderRanking(lastView.state, lastView.countries, rankingExpanded);
  }, () => {});
  firstView.then(() => {
    fillAll().catch(showError);
    // The link holds its place from the start (invisible), so showing it moves nothing.
    if (ref.dataset?.release) {
      $('whats-new').href = pageUrl({ release: ref.dataset.release.version });
      $('whats-new').classList.remove('unoffered');
    }
  });
  // An incident or release opened first still gets the list's first view behind it, for the "first view" tasks.
  if (state.id || state.release) firstViewSettled();

  const form = $('filters');
  form.addEventListener('submit', (event) => { event.preventDefault(); applyForm(); });
  form.addEventListener('change', (event) => {
    if (event.target.id === 'f-q' || event.target.classList?.contains('multi-find')) return;
    applyForm();
  });
  form.addEventListener('keydown', (event) => {   // Enter in a list's find box narrows; it does not submit
    if (event.key === 'Enter' && event.target.classList?.contains('multi-find')) event.preventDefault();
  });
  $('f-page-size').addEventListener('change', applyForm);
  $('reset').addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    go({});
  });
  $('record-back').addEventListener('click', backToList);
  $('release-back').addEventListener('click', backToList);

  // Links inside the page change the view without reloading it.
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href]');
    if (!link || !isPlainClick(event) || link.hasAttribute('download')) return;
    if (link.dataset.incident) { event.preventDefault(); openRecord(link.dataset.incident); return; }
    if (link.closest('#pager, #chart, #ranking, #map, [data-view], #whats-new, #home')) {
      event.preventDefault();
      go(readState(new URL(link.getAttribute('href'), location.origin).search));
      if (link.closest('#pager')) $('results-h').focus();
    }
  });
  // A click anywhere on a row opens it, as its title link does for the keyboard.
  $('incidents').tBodies[0].addEventListener('click', (event) => {
    if (event.target.closest('a') || !isPlainClick(event) || getSelection().toString()) return;   // not while selecting text
    const link = event.target.closest('tr')?.querySelector('a[data-incident]');
    if (link) openRecord(link.dataset.incident);
  });
  $('incidents').tHead.addEventListener('click', (event) => {
    const column = event.target.closest('button.sort')?.closest('th')?.dataset.column;
    if (!column) return;
    go(sortedBy(readState(), column));
    $('incidents').tHead.querySelector(`th[data-column="${column}"] button`).focus();
  });

  $('ranking-more').addEventListener('click', () => {
    rankingExpanded = !rankingExpanded;
    if (lastView) renderRanking(lastView.state, lastView.countries, rankingExpanded);
  });
  for (const exports of document.querySelectorAll('.exports')) {
    exports.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-format]');
      if (button) download(exports.dataset.graphic, button.dataset.format);
    });
  }

  const copy = async (text, status, selectable) => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard (an insecure origin, or permission refused): select the text so one keystroke copies it.
      getSelection().selectAllChildren(selectable);
      status.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  };
  $('copy').addEventListener('click', () => copy($('api-url').textContent, $('copy-status'), $('api-url')));
  $('record').addEventListener('click', (event) => {
    if (event.target.id === 'copy-citation') copy($('citation-line').textContent, $('citation-status'), $('citation-line'));
  });

  window.addEventListener('popstate', () => {
    const wasList = !$('list-view').hidden;
    const now = readState();
    writeForm(now);
    route(now);
    if (!wasList && !$('list-view').hidden) restoreList();
  });

  // Draw the chart and map at their boxes' width rather than scaling them, so their text stays readable. An
  // observer reports after layout and before paint, so the first frame already has them at the right width.
  const watch = (id, redraw) => new ResizeObserver(([entry]) => {
    const now = Math.round(entry.contentRect.width);
    if (now === 0 || Math.abs(now - widths[id]) < 8) return;
    widths[id] = now;
    if (lastView) redraw(lastView);
  }).observe($(id));
  watch('chart', (v) => renderChart(v.state, v.years, widths.chart));
  watch('map', (v) => { if (v.points && v.world) mapModule().then((m) => m.renderMap(v.state, v.countries, v.points, v.world, widths.map)); });
}

