// Requests to the public API, the reference data the page names things with, and what this API offers.
import { API } from './state.js';
import { humanize } from './dom.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `The API answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export async function getJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not problem+json: keep the status */ }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

/** Names and vocabularies, each loaded once: the dataset, every country, the methods and the operations. */
export const ref = { dataset: null, countries: new Map(), methods: new Map(), operations: new Map() };

export const countryName = (code) => ref.countries.get(code)?.name ?? code;
export const methodName = (slug) => ref.methods.get(slug)?.name ?? humanize(slug);
export const operationName = (slug) => ref.operations.get(slug)?.name ?? humanize(slug);

let loaded = null;
/** The dataset, countries and methods: what the first view names things with. Operations come later, as only
 *  the form needs them (the rows carry their operation's name). */
export function loadNames() {
  loaded ??= {
    dataset: getJson(`${API}/dataset`).then((d) => { ref.dataset = d; return d; }),
    countries: getJson(`${API}/countries`).then((list) => { for (const c of list) ref.countries.set(c.code, c); return list; }),
    methods: getJson(`${API}/methods`).then((list) => { for (const m of list) ref.methods.set(m.slug, m); return list; }),
  };
  return loaded;
}

let operations = null;
export function loadOperations() {
  operations ??= getJson(`${API}/operations`).then((list) => { for (const o of list) ref.operations.set(o.slug, o); return list; });
  return operations;
}

// The first view's own requests, started by main.js before the rest of the page's modules are evaluated, and taken
// (once) by the list view if it is the view they were made for.
let early = null;
export function startFirstRequests(key, urls) {
  early = { key, ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, getJson(url)])) };
  for (const name of Object.keys(urls)) early[name].catch(() => {});   // failures surface when the view takes them
}
export function firstRequests(key) {
  const taken = early?.key === key ? early : null;
  early = null;
  return taken;
}
