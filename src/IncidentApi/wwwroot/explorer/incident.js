// The permanent view of one incident, /?id=…: every fact (with the ones a curator inferred marked), the summary,
// the curator's notes, every source with its quote, and a line to cite the record by, naming the dataset release.
// One request: /api/v1/incidents/{id}. A withdrawn id (410) says why and links the record that replaces it.
import { $, h, count, humanize, safeHref, formatNumber } from './dom.js';
import { API, pageUrl } from './state.js';
import { getJson, loadNames, methodName } from './api.js';

const FIELD_NAMES = {
  originCountry: 'origin state', hostCountry: 'host country', city: 'city', date: 'date', operation: 'operation',
  outcome: 'outcome', people: 'number of people', 'targets.type': 'target type',
};
const KINDS = {
  court: 'Court', prosecutor: 'Prosecutor', 'host-government': 'Host government', 'origin-state': 'Origin state',
  'other-government': 'Other government', ngo: 'NGO', press: 'Press', academic: 'Academic',
};
const ATTRIBUTION = {
  acknowledged: 'the origin state itself announces it',
  judicial: 'a court or prosecutor in the host state',
  'host-government': 'the host state’s government',
  reported: 'independent reporting or research',
  alleged: 'the target’s own claim or one outlet’s, unconfirmed',
};

export const recordApiUrl = (id) => `${API}/incidents/${encodeURIComponent(id)}`;
export const recordPageUrl = (id) => new URL(pageUrl({ id }), location.origin).href;
const inferredName = (field) => (field.startsWith('methods.') ? `method “${methodName(field.slice(8))}”` : FIELD_NAMES[field] ?? field);

let shown = null;

export async function showIncident(id, setApiUrl) {
  if (shown === id) return;
  shown = id;
  const body = $('record-body');
  body.replaceChildren(h('h2', { id: 'record-title' }, 'Loading the incident…'));
  setApiUrl(recordApiUrl(id));
  try {
    const [incident, dataset] = await Promise.all([getJson(recordApiUrl(id)), loadNames().dataset.catch(() => null)]);
    if (shown === id) renderIncident(incident, dataset);
  } catch (error) {
    if (shown !== id) return;
    const gone = error.status === 410;
    const replacement = error.problem?.replacedBy;
    body.replaceChildren(
      h('h2', { id: 'record-title' }, gone ? 'This record was withdrawn' : error.status === 404 ? 'No such incident' : 'The incident could not be loaded'),
      h('p', {}, error.status === 404 ? `There is no incident with the id “${id}”.` : error.message),
      gone && replacement ? h('p', {}, 'It is now part of ', h('a', { href: pageUrl({ id: replacement }), 'data-incident': replacement, id: 'replaced-by' }, replacement), '.') : null);
  }
  document.title = `${$('record-title').textContent} · Explorer`;
}

export function forgetIncident() { shown = null; }

function renderIncident(i, dataset) {
  const inferred = new Set(i.inferred ?? []);
  const mark = (field) => (inferred.has(field) ? h('span', { class: 'inferred-mark', title: 'Inferred: a curator read this into the sources' }, '*', h('span', { class: 'visually-hidden' }, ' (inferred)')) : null);
  const fact = (term, ...value) => (value.some((v) => v !== null && v !== undefined && v !== '') ? [h('dt', {}, term), h('dd', {}, ...value)] : []);
  const targets = i.targets.length === 0 ? 'Not named' : i.targets.map((t, n) => [n > 0 ? '; ' : null,
    t.name ?? '', t.nameZh ? [t.name ? ' ' : null, h('span', { lang: 'zh', class: 'zh' }, t.nameZh)] : null,
    t.type ? [`, ${t.type.replaceAll('-', ' ')}`, mark('targets.type')] : null]);
  const permanent = recordPageUrl(i.id);
  const release = dataset?.release ? `release ${dataset.release.version} (${dataset.release.date})` : null;
  const citation = `“${i.title}”, record ${i.id}, ${dataset?.title ?? 'IncidentApi transnational repression incidents'}`
    + `${release ? `, ${release}` : ''}${dataset ? `, dataset version ${dataset.version}` : ''}. ${permanent}`;

  $('record-body').replaceChildren(
    h('p', { class: 'kicker' }, [i.operation?.name, i.hostCountry?.name].filter(Boolean).join(' · ') || 'Incident'),
    h('h2', { id: 'record-title' }, i.title),
    h('dl', { class: 'facts' },
      fact('Date', h('time', { datetime: i.date }, i.date), mark('date'), i.datePrecision !== 'day' ? ` (known to the ${i.datePrecision})` : '', i.dateMeaning ? `: ${i.dateMeaning}` : ''),
      fact('Origin state', i.originCountry?.name, mark('originCountry')),
      fact('Host country', i.hostCountry ? [i.hostCountry.name, mark('hostCountry')] : 'Not disclosed by the sources', i.city ? [`, ${i.city}`, mark('city')] : ''),
      fact('Operation', i.operation ? [i.operation.name, mark('operation')] : 'None named'),
      fact(i.targets.length > 1 ? 'Targets' : 'Target', targets),
      fact('People', i.people === null ? 'Not given by the sources' : [formatNumber(i.people), mark('people')]),
      fact('Methods', i.methods.map((m, n) => [n > 0 ? ', ' : null, methodName(m), mark(`methods.${m}`)])),
      fact('Outcome', humanize(i.outcome), mark('outcome')),
      fact('Attribution', `${humanize(i.attribution)}: ${ATTRIBUTION[i.attribution] ?? ''}`),
      fact('Confidence', humanize(i.confidence)),
      fact('Record', h('code', {}, i.id), `, added ${i.addedOn}, updated ${i.updatedOn}`)),
    inferred.size > 0
      ? h('p', { class: 'inferred-list', id: 'record-inferred' }, h('strong', {}, 'Inferred by a curator'), ' (marked *; read into the sources rather than stated by them, and counted as unknown with “Only what the sources state”): ',
        [...inferred].map(inferredName).join(', '), '.')
      : h('p', { class: 'inferred-list', id: 'record-inferred' }, 'Every structured value above is stated by the sources; none is inferred.'),
    h('p', { class: 'incident-summary' }, i.summary),
    i.notes ? h('p', { class: 'notes' }, h('strong', {}, 'Curator’s notes: '), i.notes) : null,
    h('h3', {}, `Sources (${formatNumber(i.sources.length)})`),
    h('ol', { class: 'sources' }, i.sources.map((s) => {
      const href = safeHref(s.url);
      const title = s.title || s.url;
      return h('li', {},
        h('span', { class: 'kind' }, KINDS[s.kind] ?? humanize(s.kind)), ' ',
        href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, title) : h('span', {}, title),
        h('span', { class: 'source-meta' }, ` ${s.publisher}${s.publishedOn ? `, ${s.publishedOn}` : ''}`),
        h('blockquote', { cite: href }, h('p', {}, s.quote)));
    })),
    h('section', { class: 'cite', 'aria-labelledby': 'cite-h' },
      h('h3', { id: 'cite-h' }, 'Cite this record'),
      h('p', { id: 'citation-line' }, citation),
      h('p', { class: 'cite-row' },
        h('button', { type: 'button', id: 'copy-citation' }, 'Copy the citation'),
        h('span', { id: 'citation-status', role: 'status', 'aria-live': 'polite' })),
      h('p', { class: 'hint' }, `The record id is stable; ${count(i.sources.length, 'source')} above, each with its quote. `,
        'This record from the API: ', h('a', { href: recordApiUrl(i.id) }, recordApiUrl(i.id)))));
}
