// Building the page from API data. API text is untrusted: it only ever enters the page through text nodes and
// attributes (h, svg), never innerHTML, and the page runs under a CSP with no inline script or style.

export const SVG_NS = 'http://www.w3.org/2000/svg';

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes, so data is never parsed as HTML. */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Only http(s) links from the data become hrefs: a javascript: URL in a source must never be clickable. */
export function safeHref(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// 1,234: by hand, as Intl's first use costs a fresh page tens of milliseconds before the first request.
export const formatNumber = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "1 incident", "2 incidents", "1 person", "3 people": the noun agrees with its number. */
export function count(n, singular, plural = `${singular}s`) {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** The verb agrees too: "1 incident matches", "2 incidents match". */
export const agree = (n, singular, plural) => (n === 1 ? singular : plural);

export const humanize = (slug) => (slug ? slug.charAt(0).toUpperCase() + slug.slice(1).replaceAll('-', ' ') : '');

/** "Canada, Australia and Japan". */
export function listText(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A classic script from this site (the vendored map libraries set globals); once per src. */
const scripts = new Map();
export function loadScript(src) {
  if (!scripts.has(src)) {
    scripts.set(src, new Promise((resolve, reject) => {
      const script = h('script', { src });
      script.async = false;   // run in the order asked for (d3-geo needs d3-array), while fetching all at once
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
      document.head.append(script);
    }));
  }
  return scripts.get(src);
}
