// The archive status panel (GET /api/v1/stats).

import { h, fragment, formatBytes, formatDateTime, formatNumber } from './dom.js';

const stat = (label, value, id) => h('div', { class: 'stat', id },
  h('dt', { text: label }),
  h('dd', { text: value }));

/** A small table of name → count, largest first. */
function countTable(caption, counts) {
  const rows = Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]);
  if (!rows.length) return h('p', { class: 'muted', text: `${caption}: none yet.` });
  return h('table', { class: 'count-table' },
    h('caption', { text: caption }),
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Value' }), h('th', { scope: 'col', class: 'num', text: 'Documents' }))),
    h('tbody', null, rows.map(([name, count]) => h('tr', null,
      h('th', { scope: 'row', text: name }),
      h('td', { class: 'num', text: formatNumber(count) })))));
}

export function renderStats(el, stats) {
  el.replaceChildren(fragment([
    h('dl', { class: 'stats-grid' },
      stat('Documents', formatNumber(stats.documents ?? 0), 'stat-documents'),
      stat('Index size', formatBytes(stats.indexBytes) || '—', 'stat-index'),
      stat('Last ingest', stats.lastIngest ? formatDateTime(stats.lastIngest) : 'Never', 'stat-last')),
    h('div', { class: 'stats-tables' },
      countTable('By format', stats.byFormat),
      countTable('By ingest outcome', stats.byOutcome)),
  ]));
}

export function renderStatsError(el, error) {
  el.replaceChildren(h('p', { class: 'muted', text: `Status unavailable: ${error.detail || error.message}` }));
}
