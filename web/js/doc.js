// The document view: a modal <dialog> with the full text, every query match
// highlighted (from server offsets), actor/place/quote mentions marked,
// match navigation, metadata, provenance, citation and permalink.

import { $, h, fragment, copyText, formatBytes, formatDateTime, formatNumber, formatPartialDate, icon, isPlainClick, scrollToCenter } from './dom.js';
import { apiUrl, getJson, abortChannel, isAbort } from './api.js';
import { citations } from './cite.js';
import { displayTitle, hitMeta } from './results.js';

const dialog = () => $('#doc');

let handlers = null; // { onClose(), onOpen(id), onFilter(dim, value), toast(msg) }
let current = null; // { id, q, doc, marks, index, starts, jumps }
let flashTimer = 0;

export function initDocView(callbacks) {
  handlers = callbacks;
  const d = dialog();
  // Esc and backdrop clicks go through the app so the URL loses doc= too.
  d.addEventListener('cancel', (e) => { e.preventDefault(); handlers.onClose(); });
  d.addEventListener('click', (e) => { if (e.target === d) handlers.onClose(); });
  d.addEventListener('keydown', docKeys);
  $('#doc-close').addEventListener('click', () => handlers.onClose());
  $('#next-match').addEventListener('click', () => stepMatch(1));
  $('#prev-match').addEventListener('click', () => stepMatch(-1));
  $('#doc-cite').addEventListener('click', toggleCite);
  $('#doc-copy-link').addEventListener('click', copyPermalink);
}

/** n / p step through matches while focus is not in a form field. */
function docKeys(e) {
  if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'n') { e.preventDefault(); stepMatch(1); }
  if (e.key === 'p' || e.key === 'N') { e.preventDefault(); stepMatch(-1); }
}

export const permalinkFor = (id) => {
  const url = new URL(window.location.pathname, window.location.origin);
  url.searchParams.set('doc', id);
  return url.href;
};

/** Opens (or refreshes) the view. opts.focusOffset scrolls to the quote starting there. */
export async function showDoc(id, q, opts = {}) {
  const d = dialog();
  if (!d.open) d.showModal();
  if (current && current.id === id && current.q === q) {
    if (opts.focusOffset != null) focusOffset(opts.focusOffset);
    return;
  }
  current = { id, q };
  renderLoading(id);
  try {
    const params = q.trim() ? new URLSearchParams({ q }) : null;
    const doc = await getJson(`/documents/${encodeURIComponent(id)}`, params, 'doc');
    if (current?.id !== id) return;
    renderDocument(doc);
    if (opts.focusOffset != null) focusOffset(opts.focusOffset);
    else if (current.marks.length) goToMatch(0);
  } catch (e) {
    if (isAbort(e)) return;
    renderFailure(e);
  }
}

export function hideDoc() {
  abortChannel('doc');
  current = null;
  const d = dialog();
  if (d.open) d.close();
}

export const docIsOpen = () => dialog().open;

// ---- rendering -----------------------------------------------------------

function renderLoading(id) {
  $('#doc-title').textContent = 'Loading…';
  $('#doc-meta').replaceChildren();
  $('#doc-error').replaceChildren();
  $('#doc-text').replaceChildren(h('p', { class: 'doc-loading', text: 'Loading document…' }));
  $('#doc-side').replaceChildren();
  $('#doc-cite-panel').hidden = true;
  $('#doc-cite').setAttribute('aria-expanded', 'false');
  dialog().setAttribute('aria-busy', 'true');
  setDocLinks(id, null);
  updateMatchNav(0, -1);
}

function renderFailure(error) {
  dialog().removeAttribute('aria-busy');
  $('#doc-title').textContent = 'Document unavailable';
  $('#doc-text').replaceChildren();
  $('#doc-error').replaceChildren(h('strong', { text: error.title ?? 'Error' }), error.detail ? ` ${error.detail}` : '');
}

function renderDocument(doc) {
  dialog().removeAttribute('aria-busy');
  $('#doc-title').textContent = displayTitle(doc);
  $('#doc-meta').replaceChildren(...hitMeta(doc).childNodes);
  const text = doc.text ?? '';
  const built = buildDocText(text, doc.matches ?? [], collectAnnotations(doc, text.length));
  const textEl = $('#doc-text');
  textEl.replaceChildren(built.fragment);
  if (!text) textEl.append(h('p', { class: 'doc-loading', text: 'No text could be extracted from this document.' }));
  textEl.scrollTop = 0;
  current = { ...current, doc, marks: [...textEl.querySelectorAll('mark.match')], index: -1, starts: built.starts, jumps: new Map() };
  updateMatchNav(current.marks.length, -1);
  setDocLinks(doc.id, doc.source?.name);
  $('#doc-side').replaceChildren(fragment([
    legend(),
    entitySection('People & organisations', doc.actors ?? [], 'actor'),
    entitySection('Places', doc.locations ?? [], 'location'),
    quotesSection(doc.quotes ?? []),
    metadataSection(doc),
    provenanceSection(doc.provenance ?? []),
  ]));
}

function setDocLinks(id, fileName) {
  const download = $('#doc-download');
  download.href = apiUrl(`/documents/${encodeURIComponent(id)}/original`);
  if (fileName) download.setAttribute('download', fileName);
  else download.setAttribute('download', '');
  $('#doc-permalink').href = permalinkFor(id);
}

// ---- full text with highlights ------------------------------------------

const MENTION_KINDS = { person: 'Person', organisation: 'Organisation', location: 'Place', quote: 'Quote' };

/** Flattens actor/location mentions and quotes into [start, end) annotations. */
export function collectAnnotations(doc, length) {
  const out = [];
  const add = (start, end, kind, name, extra = {}) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start < end && start >= 0 && end <= length) out.push({ start, end, kind, name, ...extra });
  };
  for (const a of doc.actors ?? []) for (const m of a.mentions ?? []) add(m.start, m.end, a.type === 'organisation' ? 'organisation' : 'person', a.name);
  for (const l of doc.locations ?? []) for (const m of l.mentions ?? []) add(m.start, m.end, 'location', l.name);
  (doc.quotes ?? []).forEach((q, i) => add(q.start, q.end, 'quote', q.speaker, { quote: i }));
  return out;
}

/** Sorted, clamped, non-overlapping match ranges (overlaps are merged). */
export function mergeRanges(ranges, length) {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start < r.end)
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Splits the text at every match/annotation boundary. Each match becomes one
 * <mark class="match"> (so "3 / 17" counts matches, not fragments); annotated
 * stretches become spans inside or between them. Offsets are UTF-16 indexes,
 * the same unit as Java's String offsets on the server.
 * Returns { fragment, starts: Map(offset → first element starting there) }.
 */
export function buildDocText(text, matches, annotations) {
  const ranges = mergeRanges(matches, text.length);
  const bounds = new Set([0, text.length]);
  for (const r of [...ranges, ...annotations]) { bounds.add(r.start); bounds.add(r.end); }
  const points = [...bounds].sort((a, b) => a - b);
  const startsAt = groupBy(annotations, (a) => a.start);
  const endsAt = groupBy(annotations, (a) => a.end);
  const frag = document.createDocumentFragment();
  const starts = new Map();
  const active = new Set();
  let m = 0;
  let mark = null;
  let markIndex = -1;
  for (let k = 0; k < points.length - 1; k += 1) {
    const [a, b] = [points[k], points[k + 1]];
    for (const x of endsAt.get(a) ?? []) active.delete(x);
    for (const x of startsAt.get(a) ?? []) active.add(x);
    while (m < ranges.length && ranges[m].end <= a) m += 1;
    const inMatch = m < ranges.length && ranges[m].start <= a;
    if (inMatch && markIndex !== m) {
      mark = h('mark', { class: 'match' });
      markIndex = m;
      frag.append(mark);
    }
    const piece = segment(text.slice(a, b), active);
    const anchor = inMatch && ranges[m].start === a ? mark : piece;
    if (!starts.has(a) && anchor.nodeType === Node.ELEMENT_NODE) starts.set(a, anchor);
    (inMatch ? mark : frag).append(piece);
  }
  return { fragment: frag, starts };
}

function groupBy(items, key) {
  const map = new Map();
  for (const item of items) {
    const k = key(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(item);
  }
  return map;
}

/** A text node, or a span whose classes say which kinds of mention cover it. */
function segment(text, active) {
  if (!active.size) return document.createTextNode(text);
  const kinds = new Set([...active].map((a) => a.kind));
  const classes = [...kinds].map((k) => (k === 'quote' ? 'quote-span' : `mention mention-${k}`));
  const title = [...active].filter((a) => a.name).map((a) => `${MENTION_KINDS[a.kind]}: ${a.name}`);
  return h('span', { class: [...new Set(classes.join(' ').split(' '))].join(' '), title: title.length ? [...new Set(title)].join('\n') : null, text });
}

// ---- match navigation ------------------------------------------------------

function updateMatchNav(count, index) {
  $('#match-pos').textContent = count ? `${index >= 0 ? index + 1 : '–'} / ${count}` : 'No matches';
  $('#prev-match').disabled = !count;
  $('#next-match').disabled = !count;
}

function goToMatch(index) {
  const { marks } = current;
  marks[current.index]?.classList.remove('current');
  current.index = index;
  marks[index].classList.add('current');
  scrollToCenter(marks[index]);
  updateMatchNav(marks.length, index);
}

/** Steps forward or back, wrapping round at either end. */
function stepMatch(delta) {
  const count = current?.marks?.length;
  if (!count) return;
  const base = current.index < 0 && delta < 0 ? 0 : current.index;
  goToMatch((base + delta + count) % count);
}

/** Briefly outlines the text starting at an offset (a mention or quote). */
function focusOffset(offset) {
  const el = current?.starts?.get(offset);
  if (!el) return;
  clearTimeout(flashTimer);
  document.querySelectorAll('#doc-text .flash').forEach((x) => x.classList.remove('flash'));
  el.classList.add('flash');
  scrollToCenter(el);
  flashTimer = setTimeout(() => el.classList.remove('flash'), 2000);
}

/** Each click on an entity shows its next mention. */
function jumpToMention(key, mentions) {
  if (!mentions.length) return;
  const n = current.jumps.get(key) ?? 0;
  current.jumps.set(key, n + 1);
  focusOffset(mentions[n % mentions.length].start);
}

// ---- side panel --------------------------------------------------------------

const section = (title, ...content) => h('section', { class: 'doc-section' }, h('h3', { text: title }), ...content);

function legend() {
  const item = (cls, text) => h('li', null, h('span', { class: `legend-swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h('ul', { class: 'doc-legend', 'aria-label': 'Highlight legend' },
    item('match', 'Match'), item('mention-person', 'Person'), item('mention-organisation', 'Organisation'),
    item('mention-location', 'Place'), item('quote-span', 'Quote'));
}

function entitySection(title, entities, dim) {
  if (!entities.length) return null;
  const rows = entities.map((e) => {
    const kind = dim === 'location' ? 'location' : e.type === 'organisation' ? 'organisation' : 'person';
    const mentions = [...(e.mentions ?? [])].sort((a, b) => a.start - b.start);
    const value = dim === 'location' ? e.path || e.name : e.name;
    return h('li', { class: 'entity' },
      h('button', {
        type: 'button',
        class: `entity-jump mention-${kind}`,
        title: mentions.length ? 'Show next mention in the text' : null,
        disabled: !mentions.length,
        onclick: () => jumpToMention(`${dim}:${value}`, mentions),
      }, icon(kind), h('span', { text: e.name }), h('span', { class: 'count', text: mentions.length ? formatNumber(mentions.length) : '' })),
      h('button', {
        type: 'button',
        class: 'link-button',
        text: 'Filter',
        'aria-label': `Filter search by ${e.name}`,
        onclick: () => handlers.onFilter(dim, value),
      }));
  });
  return section(title, h('ul', { class: 'entity-list' }, rows));
}

function quotesSection(quotes) {
  if (!quotes.length) return null;
  const rows = quotes.map((q) => h('li', { class: 'doc-quote' },
    h('blockquote', { text: q.text }),
    h('p', { class: 'quote-meta' },
      q.speaker ? h('span', { class: 'quote-speaker', text: `— ${q.speaker}` }) : h('span', { class: 'muted', text: 'Unattributed' }),
      Number.isInteger(q.start) ? h('button', { type: 'button', class: 'link-button', text: 'Show in text', onclick: () => focusOffset(q.start) }) : null)));
  return section('Quotes', h('ul', { class: 'doc-quotes' }, rows));
}

function metadataSection(doc) {
  const src = doc.source ?? {};
  const otherNames = (src.names ?? []).filter((n) => n !== src.name);
  const rows = [
    ['Date', doc.date ? `${formatPartialDate(doc.date)}${doc.dateSource ? ` (from ${doc.dateSource})` : ''}` : 'Undated'],
    ['File', src.name],
    ['Also received as', otherNames.join(', ')],
    ['Format', [src.format, src.contentType].filter(Boolean).join(' · ')],
    ['Size', formatBytes(src.size)],
    ['Text', doc.truncated ? 'Truncated: only the first part of the text was indexed' : ''],
    ['Extraction', doc.extraction ? [doc.extraction.outcome, doc.extraction.tika && `Tika ${doc.extraction.tika}`].filter(Boolean).join(' · ') : ''],
    ['SHA-256', src.sha256, 'hash'],
    ['Document id', doc.id, 'hash'],
  ].filter(([, v]) => v);
  return section('Details', definitionList(rows), doc.parentId ? parentLink(doc.parentId) : null);
}

/** An attachment links to the document it was found in. */
function parentLink(parentId) {
  return h('p', { class: 'parent-link' }, 'Attachment of ', h('a', {
    href: permalinkFor(parentId),
    text: 'its parent document',
    onclick: (e) => { if (isPlainClick(e)) { e.preventDefault(); handlers.onOpen(parentId); } },
  }));
}

function definitionList(rows) {
  return h('dl', { class: 'meta-list' }, rows.flatMap(([k, v, cls]) => [h('dt', { text: k }), h('dd', { class: cls ?? null, text: v })]));
}

/** Provenance entries have open-ended keys; show them all, timestamps made readable. */
function provenanceSection(entries) {
  if (!entries.length) return null;
  const rows = entries.map((entry) => h('li', null, definitionList(Object.entries(entry)
    .filter(([, v]) => v != null && v !== '')
    .map(([k, v]) => [k, /At$/.test(k) ? formatDateTime(v) : typeof v === 'object' ? JSON.stringify(v) : String(v)]))));
  return section('Provenance', h('ol', { class: 'provenance' }, rows));
}

// ---- cite & permalink ------------------------------------------------------

function toggleCite() {
  const panel = $('#doc-cite-panel');
  const button = $('#doc-cite');
  const open = panel.hidden && Boolean(current?.doc);
  if (open) renderCitations(panel, current.doc);
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
}

function renderCitations(panel, doc) {
  const cites = citations(doc, permalinkFor(doc.id));
  const block = (label, text, id) => h('div', { class: 'cite-block' },
    h('div', { class: 'cite-head' },
      h('h3', { id: `${id}-label`, text: label }),
      h('button', { type: 'button', class: 'small', text: 'Copy', 'aria-label': `Copy ${label}`, onclick: () => copyAndTell(text, `${label} copied`) })),
    h('pre', { class: 'cite-text', id, tabindex: 0, 'aria-labelledby': `${id}-label`, text }));
  panel.replaceChildren(block('Citation', cites.text, 'cite-plain'), block('BibTeX', cites.bibtex, 'cite-bibtex'), block('RIS', cites.ris, 'cite-ris'));
}

async function copyAndTell(text, message) {
  const ok = await copyText(text);
  handlers.toast(ok ? message : 'Copy failed — select the text and copy it by hand');
}

function copyPermalink() {
  if (current?.id) copyAndTell(permalinkFor(current.id), 'Permalink copied');
}
