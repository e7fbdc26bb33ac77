// Result list, pager, active-filter chips and the concordance (KWIC) view.

import { h, fragment, formatNumber, formatPartialDate, icon, isPlainClick, snippetFragment } from './dom.js';

export const displayTitle = (item) => item?.title?.trim() || item?.source?.name || 'Untitled document';

/**
 * Renders one page of hits. ctx: { docHref(id), onOpen(id), onFilter(dim, value) }.
 */
export function renderHits(list, hits, startIndex, ctx) {
  list.start = startIndex;
  list.replaceChildren(fragment(hits.map((hit) => renderHit(hit, ctx))));
}

function renderHit(hit, ctx) {
  return h('li', { class: 'hit', dataset: { id: hit.id } },
    h('h3', { class: 'hit-heading' },
      h('a', {
        class: 'hit-title',
        href: ctx.docHref(hit.id),
        text: displayTitle(hit),
        onclick: (e) => { if (isPlainClick(e)) { e.preventDefault(); ctx.onOpen(hit.id); } },
      })),
    hitMeta(hit),
    (hit.snippets ?? []).map((snippet) => h('p', { class: 'snippet' }, snippetFragment(snippet))),
    hitChips(hit, ctx));
}

/** Date · source file · format. */
export function hitMeta(item) {
  const parts = [];
  if (item.date) parts.push(h('time', { datetime: item.date, text: formatPartialDate(item.date) }));
  else parts.push(h('span', { class: 'undated', text: 'Undated' }));
  if (item.source?.name) parts.push(h('span', { class: 'source-name', text: item.source.name, title: item.source.contentType }));
  if (item.source?.format) parts.push(h('span', { class: 'badge', text: item.source.format }));
  const withSeparators = parts.flatMap((part, i) => (i ? [h('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }), part] : [part]));
  return h('p', { class: 'hit-meta' }, withSeparators);
}

function hitChips(hit, ctx) {
  const actors = (hit.actors ?? []).map((a) => h('button', {
    type: 'button',
    class: `chip chip-${a.type === 'organisation' ? 'organisation' : 'person'}`,
    title: `Filter by ${a.type ?? 'actor'}: ${a.name}`,
    onclick: () => ctx.onFilter('actor', a.name),
  }, icon(a.type === 'organisation' ? 'organisation' : 'person'), h('span', { text: a.name })));
  const places = (hit.locations ?? []).map((l) => h('button', {
    type: 'button',
    class: 'chip chip-location',
    title: `Filter by place: ${(l.path || l.name).split('/').join(' › ')}`,
    onclick: () => ctx.onFilter('location', l.path || l.name),
  }, icon('location'), h('span', { text: l.name })));
  if (!actors.length && !places.length) return null;
  return h('div', { class: 'hit-chips', role: 'group', 'aria-label': 'Add a filter' }, actors, places);
}

/** Grey placeholder rows shown before the first results arrive (reserves the space). */
export function renderSkeleton(list, count = 4) {
  const rows = Array.from({ length: count }, () => h('li', { class: 'hit-skeleton', 'aria-hidden': 'true' },
    h('span', { class: 'sk sk-title' }), h('span', { class: 'sk sk-meta' }),
    h('span', { class: 'sk sk-line' }), h('span', { class: 'sk sk-line short' })));
  list.replaceChildren(fragment(rows));
}

export function renderEmpty(list, message, hint) {
  list.replaceChildren(h('li', { class: 'no-results' }, h('p', { class: 'no-results-title', text: message }), hint ? h('p', { text: hint }) : null));
}

// ---- pager ----------------------------------------------------------------

/** Page numbers around the current page: 1 … 4 5 [6] 7 8 … 20 */
export function pageWindow(current, last, radius = 2) {
  const pages = new Set([1, last]);
  for (let p = current - radius; p <= current + radius; p += 1) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i && p - sorted[i - 1] > 1 ? ['gap', p] : [p]));
}

/** Prev/next and numbered links; they are real links (shareable), clicks stay in the page. */
export function renderPager(nav, { page, size, total, href, onPage }) {
  const last = Math.max(1, Math.ceil((total ?? 0) / size));
  if (last <= 1) { nav.replaceChildren(); return; }
  const link = (p, text, label, extraClass = '') => h('a', {
    class: `page-link ${extraClass}`.trim(),
    href: href(p),
    text,
    'aria-label': label,
    'aria-current': p === page ? 'page' : null,
    onclick: (e) => { if (isPlainClick(e)) { e.preventDefault(); onPage(p); } },
  });
  const disabled = (text, extraClass) => h('span', { class: `page-link disabled ${extraClass}`, 'aria-disabled': 'true', text });
  const items = [
    page > 1 ? link(page - 1, '‹ Prev', 'Previous page', 'page-prev') : disabled('‹ Prev', 'page-prev'),
    ...pageWindow(Math.min(page, last), last).map((p) => (p === 'gap'
      ? h('span', { class: 'page-gap', 'aria-hidden': 'true', text: '…' })
      : link(p, String(p), `Page ${p}`))),
    page < last ? link(page + 1, 'Next ›', 'Next page', 'page-next') : disabled('Next ›', 'page-next'),
  ];
  nav.replaceChildren(fragment(items));
}

// ---- active filters --------------------------------------------------------

function dateRangeLabel(from, to) {
  if (from && to) return from === to ? formatPartialDate(from) : `${formatPartialDate(from)} – ${formatPartialDate(to)}`;
  return from ? `from ${formatPartialDate(from)}` : `until ${formatPartialDate(to)}`;
}

/** The chips above the results; each removes one filter. onRemove(dim, value) */
export function renderFilterChips(el, state, onRemove, onClearAll) {
  const chips = [
    ...state.actor.map((v) => ({ dim: 'actor', value: v, label: 'Actor', text: v })),
    ...state.location.map((v) => ({ dim: 'location', value: v, label: 'Place', text: v.split('/').join(' › ') })),
    ...state.format.map((v) => ({ dim: 'format', value: v, label: 'Format', text: v })),
  ];
  if (state.from || state.to) chips.push({ dim: 'date', value: '', label: 'Date', text: dateRangeLabel(state.from, state.to) });
  const nodes = chips.map((c) => h('span', { class: 'filter-chip', dataset: { dim: c.dim, value: c.value } },
    h('span', { class: 'filter-chip-dim', text: `${c.label}:` }),
    h('span', { class: 'filter-chip-value', text: c.text }),
    h('button', {
      type: 'button',
      class: 'filter-chip-remove',
      'aria-label': `Remove filter ${c.label}: ${c.text}`,
      title: 'Remove filter',
      text: '×',
      onclick: () => onRemove(c.dim, c.value),
    })));
  if (chips.length > 1) nodes.push(h('button', { type: 'button', class: 'link-button clear-all', text: 'Clear all', onclick: onClearAll }));
  el.replaceChildren(fragment(nodes));
}

/** "1,234 results · 0.12 s" (the live region announces it). */
export function totalText(total, tookMs, page, size) {
  if (!total) return 'No results';
  const from = (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  const range = total > size ? `${formatNumber(from)}–${formatNumber(to)} of ` : '';
  const time = typeof tookMs === 'number' ? ` · ${(tookMs / 1000).toFixed(2)} s` : '';
  return `${range}${formatNumber(total)} ${total === 1 ? 'result' : 'results'}${time}`;
}

// ---- concordance -------------------------------------------------------

/** Keyword-in-context lines: left context right-aligned against the match. */
export function renderConcordance(list, lines, ctx) {
  if (!lines.length) {
    list.replaceChildren(h('li', { class: 'no-results', text: 'No concordance lines for this search.' }));
    return;
  }
  list.replaceChildren(fragment(lines.map((line) => h('li', { class: 'kwic-line' },
    h('span', { class: 'kwic-left' }, h('span', { text: line.left ?? '' })),
    h('a', {
      class: 'kwic-match',
      href: ctx.docHref(line.documentId),
      title: line.title ?? '',
      text: line.match ?? '',
      onclick: (e) => { if (isPlainClick(e)) { e.preventDefault(); ctx.onOpen(line.documentId); } },
    }),
    h('span', { class: 'kwic-right', text: line.right ?? '' }),
    h('span', { class: 'kwic-title', text: line.title ?? '' })))));
}
