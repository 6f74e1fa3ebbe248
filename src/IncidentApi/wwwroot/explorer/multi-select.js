// A filter that takes several values: a disclosure whose summary says what is chosen, holding a checkbox per value
// (plain form controls, so keyboards and screen readers need nothing new). A long list gets a box to narrow it.
// One widget may feed two API parameters (Region: region and subregion), so each checkbox names its parameter.
import { h, formatNumber } from './dom.js';

const FIND_FROM = 10;   // options before a list gets a "find" box
const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export class MultiSelect {
  /** @param {HTMLDetailsElement} details  .multi with data-params="country" (or "region,subregion") and data-any */
  constructor(details) {
    this.details = details;
    this.params = details.dataset.params.split(',');
    this.name = details.querySelector('.multi-name').textContent;
    this.shown = details.querySelector('.multi-value');
    this.list = details.querySelector('.multi-options');
    this.find = details.querySelector('.multi-find');
    this.labels = new Map();   // "param:value" -> label, for the summary
    this.chosen = Object.fromEntries(this.params.map((p) => [p, []]));   // in the order chosen, as the URL lists them
    this.filled = false;
    this.list.addEventListener('change', (event) => {
      const box = event.target;
      const chosen = this.chosen[box.dataset.param];
      this.chosen[box.dataset.param] = box.checked ? [...chosen.filter((v) => v !== box.value), box.value] : chosen.filter((v) => v !== box.value);
      this.summarize();
    });
    this.find?.addEventListener('input', () => this.narrow());
    details.querySelector('.multi-clear').addEventListener('click', () => {
      for (const box of this.list.querySelectorAll('input:checked')) box.checked = false;
      this.chosen = Object.fromEntries(this.params.map((p) => [p, []]));
      this.summarize();
      details.dispatchEvent(new Event('change', { bubbles: true }));   // applies, as a checkbox does
    });
    details.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open) return;
      event.stopPropagation();
      details.open = false;
      details.querySelector('summary').focus();
    });
  }

  /** options: [{ param?, value, label, count?, group? }]; a group (a parent operation, a region) heads its options. */
  fill(options) {
    const groups = new Map();
    for (const o of options) {
      const param = o.param ?? this.params[0];
      this.labels.set(`${param}:${o.value}`, o.short ?? o.label);
      const key = o.group ?? '';
      groups.set(key, [...(groups.get(key) ?? []), { ...o, param }]);
    }
    const item = (o) => h('label', { class: 'multi-option', 'data-text': fold(o.label) },
      h('input', { type: 'checkbox', 'data-param': o.param, value: o.value }),
      h('span', {}, o.label),
      o.count === undefined ? null : h('span', { class: 'multi-count' }, formatNumber(o.count)));
    this.list.replaceChildren(...[...groups].flatMap(([group, items]) => group
      ? h('div', { class: 'multi-group', role: 'group', 'aria-label': group }, items.map(item))
      : items.map(item)));
    if (this.find) this.find.hidden = options.length < FIND_FROM;
    this.filled = true;
    this.set(this.state ?? {});
  }

  /** Shows what the page URL asks for. A value the list does not offer (a shared link's "CAN") is shown, not dropped. */
  set(state) {
    this.state = state;
    for (const param of this.params) this.chosen[param] = state[param] ? state[param].split(',') : [];
    if (this.filled) {
      for (const box of this.list.querySelectorAll('input[data-from-link]')) box.closest('label').remove();
      for (const param of this.params) {
        for (const value of this.chosen[param]) {
          if (this.list.querySelector(`input[data-param="${param}"][value="${CSS.escape(value)}"]`)) continue;
          this.list.prepend(h('label', { class: 'multi-option', 'data-text': fold(value) },
            h('input', { type: 'checkbox', 'data-param': param, value, 'data-from-link': 'true' }), h('span', {}, `${value} (from the link)`)));
        }
      }
      for (const box of this.list.querySelectorAll('input[type="checkbox"]')) box.checked = this.chosen[box.dataset.param].includes(box.value);
    }
    this.summarize();
  }

  /** The form's part of the state: each parameter as a comma list, or undefined. */
  read() {
    return Object.fromEntries(this.params.map((p) => [p, this.chosen[p].length ? this.chosen[p].join(',') : undefined]));
  }

  label(param, value) { return this.labels.get(`${param}:${value}`) ?? value; }

  summarize() {
    const names = this.params.flatMap((p) => this.chosen[p].map((v) => this.label(p, v)));
    this.shown.textContent = names.length === 0 ? this.details.dataset.any : names.length <= 3 ? names.join(', ') : `${names.length} chosen`;
    this.shown.title = names.join(', ');
    this.details.classList.toggle('active', names.length > 0);
  }

  narrow() {
    const text = fold(this.find.value.trim());
    for (const label of this.list.querySelectorAll('.multi-option')) label.hidden = text !== '' && !label.dataset.text.includes(text);
    for (const group of this.list.querySelectorAll('.multi-group')) group.hidden = !group.querySelector('.multi-option:not([hidden])');
  }
}
