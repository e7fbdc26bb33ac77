// The whole page state lives in the URL query string, so reload, back/forward
// and shared links reproduce exactly what the researcher saw.

export const FILTER_DIMS = ['actor', 'location', 'format'];
export const TABS = ['search', 'quotes', 'upload', 'status'];
export const SORTS = ['relevance', '-date', 'date'];
// The server reads "date" and "earliest" both as oldest first, "-date" as newest first.
export const QUOTE_SORTS = ['relevance', 'earliest', '-date'];
export const PAGE_SIZES = [10, 20, 50];
export const QUOTES_PAGE_SIZE = 20;

// A partial ISO date as the API accepts it: 1987, 1987-03 or 1987-03-02.
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const DEFAULTS = Object.freeze({
  q: '', actor: [], location: [], format: [], from: '', to: '',
  sort: 'relevance', page: 1, size: 10, view: 'results', norm: false,
  doc: '', tab: 'search',
  qq: '', speaker: '', qsort: 'relevance', qpage: 1,
});

export const defaultState = () => ({ ...DEFAULTS, actor: [], location: [], format: [] });

const positiveInt = (value, fallback) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const oneOf = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
const uniqueNonEmpty = (values) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];
const dateOrEmpty = (value) => (value && PARTIAL_DATE.test(value) ? value : '');

/** Reads the state from a query string; unknown or malformed values fall back to defaults. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  return {
    q: p.get('q') ?? '',
    actor: uniqueNonEmpty(p.getAll('actor')),
    location: uniqueNonEmpty(p.getAll('location')),
    format: uniqueNonEmpty(p.getAll('format')),
    from: dateOrEmpty(p.get('from')),
    to: dateOrEmpty(p.get('to')),
    sort: oneOf(p.get('sort'), SORTS, DEFAULTS.sort),
    page: positiveInt(p.get('page'), 1),
    size: oneOf(positiveInt(p.get('size'), DEFAULTS.size), PAGE_SIZES, DEFAULTS.size),
    view: oneOf(p.get('view'), ['results', 'concordance'], DEFAULTS.view),
    norm: p.get('norm') === '1',
    doc: p.get('doc') ?? '',
    tab: oneOf(p.get('tab'), TABS, DEFAULTS.tab),
    qq: p.get('qq') ?? '',
    speaker: p.get('speaker') ?? '',
    qsort: oneOf(p.get('qsort') === 'date' ? 'earliest' : p.get('qsort'), QUOTE_SORTS, DEFAULTS.qsort),
    qpage: positiveInt(p.get('qpage'), 1),
  };
}

/** Serialises the state, leaving out defaults so links stay short. */
export function stateToQuery(state) {
  const p = new URLSearchParams();
  const put = (key, value) => { if (value !== DEFAULTS[key] && value !== '') p.set(key, String(value)); };
  if (state.tab !== 'search') p.set('tab', state.tab);
  put('q', state.q);
  for (const dim of FILTER_DIMS) for (const v of state[dim]) p.append(dim, v);
  put('from', state.from);
  put('to', state.to);
  put('sort', state.sort);
  put('page', state.page);
  put('size', state.size);
  put('view', state.view);
  if (state.norm) p.set('norm', '1');
  put('qq', state.qq);
  put('speaker', state.speaker);
  put('qsort', state.qsort);
  put('qpage', state.qpage);
  put('doc', state.doc);
  return p.toString();
}

/** q + filters: the part shared by search, facets, timeline, export and concordance calls. */
export function filterParams(state) {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q);
  for (const dim of FILTER_DIMS) for (const v of state[dim]) p.append(dim, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  return p;
}

export function searchParams(state) {
  const p = filterParams(state);
  p.set('sort', state.sort);
  p.set('page', String(state.page));
  p.set('size', String(state.size));
  return p;
}

export function quoteParams(state) {
  const p = new URLSearchParams();
  if (state.qq.trim()) p.set('q', state.qq);
  if (state.speaker.trim()) p.set('speaker', state.speaker.trim());
  p.set('sort', state.qsort);
  p.set('page', String(state.qpage));
  p.set('size', String(QUOTES_PAGE_SIZE));
  return p;
}

/** Keys whose change invalidates the current page number. */
const SEARCH_KEYS = ['q', 'actor', 'location', 'format', 'from', 'to', 'sort', 'size'];
const QUOTE_KEYS = ['qq', 'speaker', 'qsort'];

/** Applies a patch; a new query, filter or sort starts again at page 1. */
export function patchState(state, patch) {
  const next = { ...state, ...patch };
  if (!('page' in patch) && SEARCH_KEYS.some((k) => k in patch)) next.page = 1;
  if (!('qpage' in patch) && QUOTE_KEYS.some((k) => k in patch)) next.qpage = 1;
  return next;
}

export const hasFilters = (state) => FILTER_DIMS.some((d) => state[d].length) || Boolean(state.from || state.to);

// ---- date ranges ---------------------------------------------------------

/** Compares two partial dates on their common precision ("1987" vs "1987-03" → equal). */
function comparePrefix(a, b) {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a period (year, month or day) overlaps the from/to range. */
export function periodInRange(period, from, to) {
  if (!from && !to) return false;
  return (!from || comparePrefix(period, from) >= 0) && (!to || comparePrefix(period, to) <= 0);
}

/**
 * Year checkboxes over a from/to API: the checked years are always one
 * contiguous range. Checking a year stretches the range to include it;
 * unchecking trims it at that year (an inner year keeps the earlier part).
 */
export function toggleYear(year, on, from, to) {
  const y = Number(year);
  const f = from ? Number(from.slice(0, 4)) : null;
  const t = to ? Number(to.slice(0, 4)) : null;
  if (on) {
    if (f === null && t === null) return { from: String(y), to: String(y) };
    return {
      from: f !== null && y < f ? String(y) : from,
      to: t !== null && y > t ? String(y) : to,
    };
  }
  let nf = f;
  let nt = t;
  if (f !== null && y === f) nf = y + 1;
  else nt = y - 1;
  if (nf !== null && nt !== null && nf > nt) return { from: '', to: '' };
  return {
    from: nf === f ? from : String(nf),
    to: nt === t ? to : String(nt),
  };
}
