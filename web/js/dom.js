// Small DOM helpers. Everything that comes from the server or the URL goes
// into the page as text nodes or attribute values, never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

// Keys set as DOM properties rather than attributes (their state is live).
const PROPERTIES = new Set(['checked', 'value', 'hidden', 'disabled', 'selected', 'start']);

/**
 * Creates an element. props: class, text, dataset, on<event> handlers,
 * DOM properties (checked, value, ...) or plain attributes.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  appendAll(el, children);
  return el;
}

/** Creates an SVG element; every prop becomes an attribute. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, String(value));
  }
  appendAll(el, children);
  return el;
}

function applyProps(el, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function appendAll(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** A fragment of nodes, for building lists off-DOM before one insertion. */
export function fragment(children) {
  const frag = document.createDocumentFragment();
  appendAll(frag, children);
  return frag;
}

export const $ = (selector, root = document) => root.querySelector(selector);

// ---- HTML entities -------------------------------------------------------

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes the few entities an HTML-escaping server emits, returning TEXT.
 * Unknown named entities stay as written: they are shown, never interpreted.
 */
export function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body) => {
    if (body[0] !== '#') return Object.hasOwn(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body] : whole;
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * Turns a server snippet ("escaped text with <mark>…</mark>") into DOM.
 * We split on the literal tags first and decode each piece afterwards, so an
 * escaped "&lt;mark&gt;" inside a document stays visible text.
 */
export function snippetFragment(snippet) {
  const frag = document.createDocumentFragment();
  let inMark = false;
  for (const piece of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) {
      const text = document.createTextNode(decodeEntities(piece));
      frag.append(inMark ? h('mark', null, text) : text);
    }
  }
  return frag;
}

// ---- formatting ----------------------------------------------------------

const numberFormat = new Intl.NumberFormat(undefined);
export const formatNumber = (n) => (typeof n === 'number' ? numberFormat.format(n) : '');

const MONTH_FMT = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_FMT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH_FMT = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

/** "1987" | "1987-03" | "1987-03-02" → a readable date at the same precision. */
export function formatPartialDate(value) {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return String(value);
  const [, y, mo, d] = m;
  if (!mo) return y;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  return (d ? DAY_FMT : MONTH_FMT).format(date);
}

/** Short label for a timeline period: "1987", "Mar 87", "2". */
export function shortPeriod(period) {
  const [y, mo, d] = String(period).split('-');
  if (d) return String(Number(d));
  if (mo) return `${SHORT_MONTH_FMT.format(new Date(Date.UTC(Number(y), Number(mo) - 1, 1)))} ${y.slice(2)}`;
  return y;
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : date.toLocaleString();
}

export function formatBytes(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

// ---- behaviour helpers ---------------------------------------------------

export function debounce(fn, ms) {
  let timer = 0;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/** True for a plain left click: modified clicks keep the browser's meaning (new tab…). */
export const isPlainClick = (e) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/** Copies text; falls back to a selected textarea where the Clipboard API is unavailable (plain http). */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try { await navigator.clipboard.writeText(text); return true; } catch { /* fall through */ }
  }
  // Inside an open modal dialog the rest of the page is inert, so the helper must live in the dialog.
  const host = document.querySelector('dialog[open]') ?? document.body;
  const area = h('textarea', { class: 'clipboard-helper', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  host.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  area.remove();
  return ok;
}

export const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Scrolls a node into the middle of its scroll container. */
export function scrollToCenter(el) {
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
}

// ---- icons ---------------------------------------------------------------

const ICONS = {
  person: [['circle', { cx: 8, cy: 5, r: 2.8 }], ['path', { d: 'M2.8 14.2c.4-3 2.6-4.9 5.2-4.9s4.8 1.9 5.2 4.9' }]],
  organisation: [['path', { d: 'M3 14.5V2.5h7v12M10 6.5h3v8M1.5 14.5h13' }], ['path', { d: 'M5.2 5h2.6M5.2 8h2.6M5.2 11h2.6' }]],
  location: [['path', { d: 'M8 14.6s4.6-4.3 4.6-8A4.6 4.6 0 0 0 3.4 6.6c0 3.7 4.6 8 4.6 8z' }], ['circle', { cx: 8, cy: 6.4, r: 1.7 }]],
};
const ICON_LABELS = { person: 'Person', organisation: 'Organisation', location: 'Place' };

/**
 * A 16px line icon. With a label it is announced (role=img, aria-label);
 * without one it is decorative. No <title> child: it would leak into the
 * textContent of the chip or label around it.
 */
export function icon(name, label = ICON_LABELS[name]) {
  const shapes = ICONS[name];
  if (!shapes) return null;
  const attrs = { class: `icon icon-${name}`, viewBox: '0 0 16 16', width: 16, height: 16, focusable: 'false' };
  if (label) Object.assign(attrs, { role: 'img', 'aria-label': label });
  else attrs['aria-hidden'] = 'true';
  return s('svg', attrs, shapes.map(([tag, a]) => s(tag, a)));
}
