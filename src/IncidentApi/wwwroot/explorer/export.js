// Downloads of the year chart and the map, as SVG and PNG, for publishing: each file stands alone, with a title,
// the filters it shows and a credit line naming the dataset release and the API URL of its data.
// The page's CSP allows images only from this site, so a PNG is not made by loading the SVG into an <img> (a blob:
// or data: image would be refused): the graphic is drawn onto a canvas shape by shape, from the same elements.
import { h, svg, SVG_NS } from './dom.js';

const STYLED = ['fill', 'stroke', 'stroke-width', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-size', 'font-weight', 'font-family'];
const HEAD = 46;
const LINE = 13;

/** A copy of a drawn graphic with its stylesheet rules written onto each element, and its links made plain groups. */
function copyStyled(source) {
  const clone = document.createElementNS(SVG_NS, source.localName === 'a' ? 'g' : source.localName);
  for (const { name, value } of source.attributes) {
    if (['class', 'href', 'role', 'aria-label', 'tabindex', 'focusable', 'data-year', 'data-code', 'data-count', 'data-city'].includes(name)) continue;
    clone.setAttribute(name, value);
  }
  if (!['title', 'desc'].includes(source.localName)) {
    const style = getComputedStyle(source);
    for (const property of STYLED) {
      const value = style.getPropertyValue(property);
      if (value && !clone.hasAttribute(property)) clone.setAttribute(property, value);
    }
  }
  for (const child of source.childNodes) {
    clone.append(child.nodeType === Node.ELEMENT_NODE ? copyStyled(child) : child.cloneNode());
  }
  return clone;
}

/** Splits a long line (an API URL) where it may break, to fit about `chars` characters a line. */
function wrap(text, chars) {
  const lines = [];
  let rest = text;
  while (rest.length > chars) {
    let cut = Math.max(rest.lastIndexOf('&', chars), rest.lastIndexOf(',', chars), rest.lastIndexOf('?', chars));
    if (cut <= 0) cut = chars;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...lines, rest];
}

/** The graphic as a standalone SVG element: title and filters above, credit and data URL below. */
export function standalone(graphic, { title, subtitle, credit, url }) {
  const width = Number(graphic.getAttribute('width'));
  const height = Number(graphic.getAttribute('height'));
  const font = getComputedStyle(document.body).fontFamily;
  const foot = [...wrap(credit, Math.floor(width / 5.4)), ...wrap(url, Math.floor(width / 5.4))];
  const total = HEAD + height + 10 + foot.length * LINE + 6;
  const body = copyStyled(graphic);
  body.removeAttribute('width');
  body.removeAttribute('height');
  const inner = document.createElementNS(SVG_NS, 'g');
  inner.setAttribute('transform', `translate(0,${HEAD})`);
  inner.append(...body.childNodes);
  return svg('svg', { xmlns: SVG_NS, width, height: total, viewBox: `0 0 ${width} ${total}`, 'font-family': font },
    svg('rect', { x: 0, y: 0, width, height: total, fill: '#ffffff' }),
    svg('text', { x: 8, y: 19, 'font-size': 16, 'font-weight': 700, fill: '#1b1f24', 'font-family': font }, title),
    svg('text', { x: 8, y: 37, 'font-size': 12, fill: '#4f5661', 'font-family': font }, subtitle),
    inner,
    foot.map((line, n) => svg('text', { x: 8, y: HEAD + height + 10 + (n + 1) * LINE - 2, 'font-size': 10, fill: '#4f5661', 'font-family': font }, line)));
}

export function svgBlob(node) {
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(node)}\n`], { type: 'image/svg+xml' });
}

/** Draws the standalone SVG's shapes (rect, line, path, circle, text in translated groups) onto a canvas. */
export function pngBlob(node, scale = 2) {
  const width = Number(node.getAttribute('width'));
  const height = Number(node.getAttribute('height'));
  const canvas = h('canvas', { width: width * scale, height: height * scale });
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  const draw = (element, inherited) => {
    const attr = (name) => element.getAttribute(name) ?? inherited[name];
    const own = Object.fromEntries(STYLED.map((n) => [n, attr(n)]));
    own['text-anchor'] = attr('text-anchor');
    const paint = (shape) => {
      ctx.globalAlpha = Number(own.opacity ?? 1);
      const fill = own.fill;
      if (fill && fill !== 'none') { ctx.globalAlpha *= Number(own['fill-opacity'] ?? 1); ctx.fillStyle = fill; shape('fill'); ctx.globalAlpha = Number(own.opacity ?? 1); }
      const stroke = own.stroke;
      const strokeWidth = parseFloat(own['stroke-width'] ?? '1');
      if (stroke && stroke !== 'none' && strokeWidth > 0) { ctx.globalAlpha *= Number(own['stroke-opacity'] ?? 1); ctx.strokeStyle = stroke; ctx.lineWidth = strokeWidth; shape('stroke'); }
      ctx.globalAlpha = 1;
    };
    const n = (name) => Number(element.getAttribute(name) ?? 0);
    switch (element.localName) {
      case 'title': case 'desc': return;
      case 'rect': paint((op) => ctx[`${op}Rect`](n('x'), n('y'), n('width'), n('height'))); return;
      case 'line': paint((op) => { if (op === 'stroke') { ctx.beginPath(); ctx.moveTo(n('x1'), n('y1')); ctx.lineTo(n('x2'), n('y2')); ctx.stroke(); } }); return;
      case 'circle': paint((op) => { ctx.beginPath(); ctx.arc(n('cx'), n('cy'), n('r'), 0, 2 * Math.PI); ctx[op](); }); return;
      case 'path': { const d = element.getAttribute('d'); if (d) { const p = new Path2D(d); paint((op) => ctx[op](p)); } return; }
      case 'text':
        ctx.font = `${own['font-weight'] ?? 400} ${parseFloat(own['font-size'] ?? '12')}px ${own['font-family'] ?? 'sans-serif'}`;
        ctx.textAlign = { middle: 'center', end: 'right' }[own['text-anchor']] ?? 'left';
        ctx.textBaseline = 'alphabetic';
        paint((op) => { if (op === 'fill') ctx.fillText(element.textContent, n('x'), n('y')); });
        return;
      default: {
        const move = /translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)/.exec(element.getAttribute('transform') ?? '');
        ctx.save();
        if (move) ctx.translate(Number(move[1]), Number(move[2]));
        for (const child of element.children) draw(child, own);
        ctx.restore();
      }
    }
  };
  draw(node, {});
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'));
}

export function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
