// The Explorer's entry point: a page over the public API and a worked example of it. Loaded async (index.html),
// it starts the first view's API requests at once, with only the small modules that name them, so the network
// works while the document finishes and the rest of the page's modules (page.js and its imports) are evaluated. Modules are static files under the page's CSP, which
// allows no inline script or style.
import { readState, listUrl, statsUrl, viewKey } from './state.js';
import { loadNames, startFirstRequests } from './api.js';

const state = readState();
if (!state.id && !state.release) {
  startFirstRequests(viewKey(state), { list: listUrl(state), years: statsUrl(state, 'year'), countries: statsUrl(state, 'country') });
}
loadNames();
const { start } = await import('./page.js');
// An async module runs as soon as it has arrived, perhaps before the document has: the page needs all of it.
if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
start();
