// The filter form mirrors the page URL: writeForm shows a state, readForm reads the state the form asks for.
// Vocabularies load once, when the first view is on screen or when a list is opened, whichever comes first.
import { $, humanize } from './dom.js';
import { API, FILTERS, readState } from './state.js';
import { getJson, loadNames, loadOperations } from './api.js';
import { MultiSelect } from './multi-select.js';

const TEXT = { q: 'f-q', from: 'f-from', to: 'f-to', addedSince: 'f-added-since', updatedSince: 'f-updated-since', sort: 'f-sort', pageSize: 'f-page-size' };
// The codebook's order: from the strongest evidence of the origin state's role to the weakest.
export const ATTRIBUTION = ['acknowledged', 'judicial', 'host-government', 'reported', 'alleged'];
export const CONFIDENCE = ['high', 'medium', 'low'];

const multis = new Map();   // vocabulary name -> MultiSelect

export function setUpForm() {
  for (const details of document.querySelectorAll('#filters details.multi')) {
    const multi = new MultiSelect(details);
    multis.set(details.dataset.vocabulary, multi);
    details.addEventListener('toggle', () => { if (details.open) fill(details.dataset.vocabulary); }, { once: true });
  }
  $('f-q').addEventListener('input', sortLabel);
}

const option = (value, label, count, extra = {}) => ({ value, label, count, ...extra });
const byCount = (a, b) => b.count - a.count;

/** Where each list's values come from. Countries, regions and origin states share one request (/countries). */
const sources = {
  countries: () => loadNames().countries.then((list) => list.filter((c) => c.incidentCount > 0)
    .map((c) => option(c.code, c.name, c.incidentCount))),
  origins: () => loadNames().countries.then((list) => list.filter((c) => c.originCount > 0)
    .map((c) => option(c.code, c.name, c.originCount))),
  regions: () => loadNames().countries.then(regionOptions),
  methods: () => loadNames().methods.then((list) => list.map((m) => option(m.slug, m.name, m.incidentCount))),
  operations: () => loadOperations().then(operationOptions),
  targetType: () => statsOptions('targetType'),
  outcome: () => statsOptions('outcome'),
  attribution: () => statsOptions('attribution', ATTRIBUTION),
  confidence: () => statsOptions('confidence', CONFIDENCE),
};

const filling = new Map();
export function fill(vocabulary) {
  if (!filling.has(vocabulary)) {
    filling.set(vocabulary, sources[vocabulary]().then((options) => multis.get(vocabulary).fill(options)));
  }
  return filling.get(vocabulary);
}

/** Every list, once the first view is on screen: a summary then names "Sky Net" rather than "sky-net". */
export function fillAll() {
  return Promise.all([...multis.keys()].map(fill));
}

async function statsOptions(dimension, order) {
  const stats = await getJson(`${API}/stats?groupBy=${dimension}`);
  const rows = stats.rows.filter((r) => r[dimension] !== null);
  if (order) rows.sort((a, b) => order.indexOf(a[dimension]) - order.indexOf(b[dimension]));
  else rows.sort(byCount);
  return rows.map((r) => option(r[dimension], humanize(r[dimension]), r.count));
}

/** Each region, then its subregions, counted by the host countries' incidents; both are API parameters. */
function regionOptions(countries) {
  const regions = new Map();
  for (const c of countries) {
    if (!c.region || c.incidentCount === 0) continue;
    const region = regions.get(c.region) ?? { count: 0, subregions: new Map() };
    region.count += c.incidentCount;
    if (c.subregion) region.subregions.set(c.subregion, (region.subregions.get(c.subregion) ?? 0) + c.incidentCount);
    regions.set(c.region, region);
  }
  return [...regions].sort((a, b) => a[0].localeCompare(b[0])).flatMap(([name, r]) => [
    option(name, `All of ${name}`, r.count, { param: 'region', group: name, short: name }),
    ...[...r.subregions].sort((a, b) => a[0].localeCompare(b[0])).map(([sub, n]) => option(sub, sub, n, { param: 'subregion', group: name })),
  ]);
}

/** Operations without campaigns first; then each parent as a group: the parent (all of it), then its campaigns.
 *  A parent's incidentCount already includes its campaigns, as its filter does. */
function operationOptions(operations) {
  const children = new Map();
  for (const o of operations) if (o.parent) children.set(o.parent, [...(children.get(o.parent) ?? []), o]);
  const roots = operations.filter((o) => !o.parent || !operations.some((p) => p.slug === o.parent));
  return [
    ...roots.filter((o) => !children.has(o.slug)).map((o) => option(o.slug, o.name, o.incidentCount)),
    ...roots.filter((o) => children.has(o.slug)).flatMap((o) => [
      option(o.slug, `${o.name}, all campaigns`, o.incidentCount, { group: `${o.name} and its campaigns`, short: o.name }),
      ...children.get(o.slug).map((c) => option(c.slug, c.name, c.incidentCount, { group: `${o.name} and its campaigns` })),
    ]),
  ];
}

export function writeForm(state) {
  for (const [key, id] of Object.entries(TEXT)) {
    const control = $(id);
    const value = state[key] ?? '';
    // A shared link may ask for an order this list does not offer: show it rather than drop it.
    if (control instanceof HTMLSelectElement && value && ![...control.options].some((o) => o.value === value && !o.disabled)) {
      control.querySelector('option[data-from-link]')?.remove();
      control.append(Object.assign(document.createElement('option'), { value, textContent: `${value} (from the link)` }));
      control.lastElementChild.dataset.fromLink = 'true';
    }
    control.value = value;
  }
  for (const multi of multis.values()) multi.set(state);
  $('f-stated').checked = state.stated === 'true';
  $(state.measure === 'people' ? 'f-measure-people' : 'f-measure-incidents').checked = true;
  sortLabel();
  const active = FILTERS.filter((key) => state[key]).length;
  $('active-filters').textContent = active ? `${active} active` : '';
}

/** The state the form asks for. A filter whose control is hidden (an older API) keeps the value the link gave. */
export function readForm() {
  const current = readState();
  const state = { order: current.order };
  for (const key of FILTERS) state[key] = current[key];
  for (const [key, id] of Object.entries(TEXT)) {
    if ($(id).closest('[hidden]')) continue;
    state[key] = $(id).value.trim() || undefined;
  }
  for (const multi of multis.values()) if (!multi.details.hidden) Object.assign(state, multi.read());
  state.stated = $('f-stated').checked ? 'true' : undefined;
  state.measure = $('f-measure-people').checked ? 'people' : undefined;
  return state;
}

/** The date inputs hold a valid partial date, or say why not. */
export function formIsValid() {
  for (const id of ['f-from', 'f-to', 'f-added-since', 'f-updated-since']) {
    if (!$(id).checkValidity()) { $(id).reportValidity(); return false; }
  }
  return true;
}

// With search text the API's default order is relevance, so the default option says what it will do.
function sortLabel() {
  $('f-sort-default').textContent = $('f-q').value.trim() ? 'Best match first' : 'Newest first';
}

const NAMES = { country: 'host country', region: 'region', subregion: 'subregion', originCountry: 'origin state', operation: 'operation',
  method: 'method', outcome: 'outcome', targetType: 'target type', attribution: 'attribution', confidence: 'confidence' };

/** The filters in words, for a downloaded graphic: "Operation: Operation Sky Net or Operation Fox Hunt; …". */
export function describeFilters(state) {
  const parts = [];
  if (state.q) parts.push(`search “${state.q}”`);
  for (const multi of multis.values()) {
    for (const param of multi.params) {
      if (state[param]) parts.push(`${NAMES[param]}: ${state[param].split(',').map((v) => multi.label(param, v)).join(' or ')}`);
    }
  }
  if (state.from || state.to) parts.push(state.from && state.to ? `${state.from} to ${state.to}` : state.from ? `from ${state.from}` : `up to ${state.to}`);
  if (state.addedSince) parts.push(`added since ${state.addedSince}`);
  if (state.updatedSince) parts.push(`updated since ${state.updatedSince}`);
  if (state.stated) parts.push('only what the sources state');
  const text = parts.join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Every incident in the dataset';
}
