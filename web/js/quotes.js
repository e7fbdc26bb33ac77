// The quotes tab: quotations with their speakers, each linking to the
// document it came from (opened at the quote).

import { h, fragment, formatNumber, formatPartialDate, isPlainClick } from './dom.js';

/** ctx: { docHref(id), onOpen(hit), onSpeaker(name) } */
export function renderQuotes(list, hits, startIndex, ctx) {
  list.start = startIndex;
  if (!hits.length) {
    list.replaceChildren(h('li', { class: 'no-results', text: 'No quotations match.' }));
    return;
  }
  list.replaceChildren(fragment(hits.map((hit) => renderQuote(hit, ctx))));
}

function renderQuote(hit, ctx) {
  return h('li', { class: 'quote', dataset: { doc: hit.documentId } },
    h('figure', null,
      h('blockquote', { class: 'quote-text', text: hit.text }),
      h('figcaption', { class: 'quote-meta' },
        hit.speaker
          ? h('button', {
            type: 'button',
            class: 'quote-speaker link-button',
            text: `— ${hit.speaker}`,
            title: `Only quotes by ${hit.speaker}`,
            onclick: () => ctx.onSpeaker(hit.speaker),
          })
          : h('span', { class: 'muted', text: 'Unattributed' }),
        h('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }),
        h('a', {
          class: 'quote-doc',
          href: ctx.docHref(hit.documentId),
          text: hit.title || 'Untitled document',
          onclick: (e) => { if (isPlainClick(e)) { e.preventDefault(); ctx.onOpen(hit); } },
        }),
        hit.date ? [h('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }), h('time', { datetime: hit.date, text: formatPartialDate(hit.date) })] : null)));
}

export function quotesTotalText(total) {
  if (!total) return 'No quotations';
  return `${formatNumber(total)} ${total === 1 ? 'quotation' : 'quotations'}`;
}
