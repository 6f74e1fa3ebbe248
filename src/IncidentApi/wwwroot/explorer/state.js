// The page URL is the state. Its query string uses the API's own parameter names, so a view is a link that can be
// shared, and the API URL behind each part of the view is the same filters on another path.

export const API = '/api/v1';

/** The filters every part of a view sends to the API (the list, /stats and the GeoJSON points), in URL order. */
export const FILTERS = ['q', 'country', 'region', 'subregion', 'originCountry', 'operation', 'method', 'outcome',
  'targetType', 'attribution', 'confidence', 'from', 'to', 'addedSince', 'updatedSince', 'stated'];
/** The filters whose value is a comma list meaning "any of". */
export const LISTS = ['country', 'region', 'subregion', 'originCountry', 'operation', 'method', 'outcome', 'targetType',
  'attribution', 'confidence'];
const LIST_KEYS = [...FILTERS, 'sort', 'page', 'pageSize'];
// Page state the incident list never sees: measure goes only to /stats, order sorts the rows already loaded (see
// table.js), id is the permanent view of one incident and release the "what's new" view of one release.
const PAGE_KEYS = [...LIST_KEYS, 'measure', 'order', 'id', 'release'];

export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  // v1 of the page opened an incident with ?incident=; its links keep working as the permanent view.
  if (!params.has('id') && params.get('incident')) params.set('id', params.get('incident'));
  const state = {};
  for (const key of PAGE_KEYS) {
    let value = params.get(key)?.trim();
    if (!value) continue;
    if (LISTS.includes(key)) value = [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))].join(',');
    if (value) state[key] = value;
  }
  // The API's defaults, dropped so that equal views have equal URLs (the API's own links always name page).
  if (state.page === '1') delete state.page;
  if (state.pageSize === '50') delete state.pageSize;
  if (state.measure !== 'people') delete state.measure;
  if (state.stated !== 'true') delete state.stated;
  return state;
}

export const values = (state, key) => (state[key] ? state[key].split(',') : []);

function query(state, keys, first = [], last = []) {
  const params = new URLSearchParams(first);
  for (const key of keys) if (state[key]) params.append(key, state[key]);
  for (const [key, value] of last) params.append(key, value);
  // Commas are the API's list separator and legal in a query: keep "country=CA,AU" readable in the URLs shown.
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

export const pageUrl = (state) => `/${query(state, PAGE_KEYS)}`;
export const listUrl = (state) => `${API}/incidents${query(state, LIST_KEYS)}`;
export const statsUrl = (state, groupBy) => `${API}/stats${query(state, [...FILTERS, 'measure'], [['groupBy', groupBy]])}`;
/** Every match as GeoJSON, with only what the map's points need. */
export const pointsUrl = (state) => `${API}/incidents${query(state, FILTERS, [], [['format', 'geojson'], ['fields', 'title,city,hostCountry,location']])}`;
export const downloadUrl = (state, format) => `${API}/incidents${query(state, [...FILTERS, 'sort'], [], [['format', format]])}`;
/** What the list, chart, map and ranking show; a change of order, incident or release leaves it as it is. */
export const viewKey = (state) => `${listUrl(state)}|${state.measure ?? ''}`;

/** The view with one thing changed, back at its first page (a new filter changes which rows page 2 holds). */
export const refine = (state, changes) => ({ ...state, page: undefined, id: undefined, release: undefined, ...changes });

export const isFiltered = (state) => FILTERS.some((key) => state[key]);
