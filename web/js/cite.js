// Citations built in the browser from a document's metadata: a plain-text
// reference, a BibTeX @misc entry and an RIS record.

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const isoDay = (date) => date.toISOString().slice(0, 10);

function titleOf(doc) {
  return (doc.title?.trim() || doc.source?.name || 'Untitled document').replace(/\s+/g, ' ');
}

function dateParts(value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? '');
  return m ? { year: m[1], month: m[2], day: m[3] } : null;
}

/** Appends a full stop unless the text already ends a sentence. */
const sentence = (text) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function plainCitation(doc, url, accessed = new Date()) {
  const parts = [sentence(titleOf(doc)), sentence(doc.date || 'n.d.')];
  if (doc.source?.name) parts.push(sentence(doc.source.name));
  parts.push(`Stacks archive, document ${doc.id}.`);
  parts.push(`${url} (accessed ${isoDay(accessed)}).`);
  return parts.join(' ');
}

const BIBTEX_SPECIAL = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', '$': '\\$',
  '#': '\\#', '_': '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/** Escapes text for a BibTeX field in braces (single pass, so escapes are never re-escaped). */
export function bibtexEscape(text) {
  return String(text).replace(/[\\{}&%$#_~^]/g, (c) => BIBTEX_SPECIAL[c]);
}

const bibtexKey = (doc) => `stacks_${String(doc.id).replace(/[^A-Za-z0-9]/g, '').slice(0, 16) || 'doc'}`;

export function bibtexCitation(doc, url, accessed = new Date()) {
  const date = dateParts(doc.date);
  const fields = [['title', `{${bibtexEscape(titleOf(doc))}}`]];
  if (date) {
    fields.push(['year', date.year]);
    if (date.month) fields.push(['month', BIBTEX_MONTHS[Number(date.month) - 1] ?? date.month]);
    fields.push(['date', doc.date.slice(0, 10)]);
  }
  fields.push(['howpublished', 'Stacks archive']);
  if (doc.source?.name) fields.push(['note', `Source file: ${bibtexEscape(doc.source.name)}`]);
  fields.push(['url', url.replace(/[{}]/g, encodeURIComponent)]);
  fields.push(['urldate', isoDay(accessed)]);
  const body = fields.map(([k, v]) => `  ${k} = ${k === 'month' ? v : `{${v}}`}`).join(',\n');
  return `@misc{${bibtexKey(doc)},\n${body}\n}`;
}

/** One RIS line; RIS is line-based, so values lose their line breaks. */
const risLine = (tag, value) => `${tag}  - ${String(value).replace(/[\r\n]+/g, ' ')}`;

export function risCitation(doc, url, accessed = new Date()) {
  const date = dateParts(doc.date);
  const lines = [risLine('TY', 'GEN'), risLine('TI', titleOf(doc))];
  if (date) {
    lines.push(risLine('PY', date.year));
    lines.push(risLine('DA', [date.year, date.month ?? '', date.day ?? '', ''].join('/')));
  }
  if (doc.source?.name) lines.push(risLine('N1', `Source file: ${doc.source.name}`));
  lines.push(risLine('DB', 'Stacks archive'), risLine('ID', doc.id), risLine('UR', url), risLine('Y2', isoDay(accessed)), 'ER  - ');
  return lines.join('\n');
}

export function citations(doc, url, accessed = new Date()) {
  return {
    text: plainCitation(doc, url, accessed),
    bibtex: bibtexCitation(doc, url, accessed),
    ris: risCitation(doc, url, accessed),
  };
}
