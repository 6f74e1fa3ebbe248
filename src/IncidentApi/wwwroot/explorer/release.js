// "What's new": one release's added, changed and withdrawn records, /?release=2.0. One request:
// /api/v1/releases/{version}.
import { $, h, count } from './dom.js';
import { API, pageUrl } from './state.js';
import { getJson } from './api.js';

export const releaseApiUrl = (version) => `${API}/releases/${encodeURIComponent(version)}`;
const record = (id) => h('a', { href: pageUrl({ id }), 'data-incident': id }, h('code', {}, id));

let shown = null;

export async function showRelease(version, setApiUrl) {
  if (shown === version) return;
  shown = version;
  const body = $('release-body');
  body.replaceChildren(h('h2', { id: 'release-title' }, 'Loading the release…'));
  setApiUrl(releaseApiUrl(version));
  try {
    const r = await getJson(releaseApiUrl(version));
    if (shown !== version) return;
    // The same records with their titles, dates and places: the list view, filtered by when a record was added.
    const browse = r.added.length
      ? h('p', {}, h('a', { href: pageUrl({ addedSince: r.date, sort: '-addedOn' }), 'data-view': 'true', id: 'release-browse' },
        `Show the records added on or after ${r.date} in the table`), ' (the list view filtered by “added since”).')
      : null;
    body.replaceChildren(
      h('p', { class: 'kicker' }, 'What’s new'),
      h('h2', { id: 'release-title' }, `Release ${r.version} (${r.date})`),
      r.summary ? h('p', { class: 'incident-summary' }, r.summary) : null,
      h('p', {}, `${count(r.incidents, 'incident')} in this release: ${count(r.added.length, 'record')} added, `
        + `${count(r.changed.length, 'record')} changed and ${count(r.removed.length, 'record')} withdrawn.`),
      browse,
      h('section', { 'aria-labelledby': 'added-h' },
        h('h3', { id: 'added-h' }, `Added (${r.added.length})`),
        r.added.length ? h('ul', { class: 'release-list', id: 'release-added' }, r.added.map((id) => h('li', {}, record(id)))) : h('p', { class: 'empty' }, 'None.')),
      h('section', { 'aria-labelledby': 'changed-h' },
        h('h3', { id: 'changed-h' }, `Changed (${r.changed.length})`),
        r.changed.length ? h('ul', { class: 'release-list', id: 'release-changed' }, r.changed.map((c) => h('li', {}, record(c.id), c.what ? `: ${c.what}` : ''))) : h('p', { class: 'empty' }, 'None.')),
      h('section', { 'aria-labelledby': 'removed-h' },
        h('h3', { id: 'removed-h' }, `Withdrawn (${r.removed.length})`),
        r.removed.length ? h('ul', { class: 'release-list', id: 'release-removed' }, r.removed.map((w) => h('li', {}, h('code', {}, w.id),
          w.reason ? `: ${w.reason}` : '', w.replacedBy ? [' Now part of ', record(w.replacedBy), '.'] : null))) : h('p', { class: 'empty' }, 'None.')));
  } catch (error) {
    if (shown !== version) return;
    body.replaceChildren(
      h('h2', { id: 'release-title' }, error.status === 404 ? 'No such release' : 'The release could not be loaded'),
      h('p', {}, error.message));
  }
  document.title = `${$('release-title').textContent} · Explorer`;
}

export function forgetRelease() { shown = null; }
