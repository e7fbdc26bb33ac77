// Stacks search page: wires the URL state to the API calls and the views.
// One rule drives everything: user actions change the state through
// navigate(), which writes the URL (pushState) and then apply() brings the
// page in line with the state. Back/forward (popstate) just re-runs apply().

import { $, h, copyText, debounce, formatNumber } from './js/dom.js';
import { apiUrl, curlCommand, getJson, isAbort } from './js/api.js';
import {
  FILTER_DIMS, PARTIAL_DATE, TABS, filterParams, parseState, patchState, quoteParams, searchParams, stateToQuery,
} from './js/state.js';
import { LocationTree, renderActorFacet, renderDateFacet, renderFormatFacet } from './js/facets.js';
import {
  renderConcordance, renderEmpty, renderFilterChips, renderHits, renderPager, renderSkeleton, totalText,
} from './js/results.js';
import { Timeline, chooseInterval, fillBuckets } from './js/timeline.js';
import { docIsOpen, hideDoc, initDocView, showDoc } from './js/doc.js';
import { quotesTotalText, renderQuotes } from './js/quotes.js';
import { initUpload } from './js/upload.js';
import { renderStats, renderStatsError } from './js/status.js';

let state = parseState(window.location.search);

// Keys of the last request made per view: apply() only refetches what changed.
const lastKey = { search: null, facets: null, timeline: null, concordance: null, quotes: null };
let searchSeq = 0;
let pendingDocFocus = null; // offset of a quote to show when a document opens from the quotes tab
let scrollToResults = false;
let lastSearch = null; // last search response, for re-rendering facets
let timelineData = null;
let timeline = null;
let locationTree = null;
const actorFacet = { prefix: '', more: false };

// ---- navigation --------------------------------------------------------------

const urlFor = (s) => {
  const query = stateToQuery(s);
  return query ? `?${query}` : window.location.pathname;
};
const docHref = (id) => urlFor({ ...state, doc: id });

/** Changes the state, records it in history and updates the page. */
function navigate(patch, { replace = false } = {}) {
  state = patchState(state, patch);
  const url = urlFor(state);
  const current = window.location.search || window.location.pathname;
  if (url !== current) window.history[replace ? 'replaceState' : 'pushState'](null, '', url);
  apply();
}

let shownTab = null;

/**
 * Brings the page in line with the state. fromUrl: the state came from the
 * URL (load, back/forward), so the text boxes follow it too.
 */
function apply({ fromUrl = false } = {}) {
  if (shownTab && shownTab !== state.tab) clearError(); // an error belongs to the tab that caused it
  shownTab = state.tab;
  syncControls(fromUrl);
  showTab(state.tab);
  document.title = pageTitle();
  if (state.tab === 'search') runSearchViews();
  if (state.tab === 'quotes') runQuotes();
  if (state.tab === 'status') loadStatus();
  syncDoc();
}

function pageTitle() {
  const label = { search: state.q || 'Search', quotes: state.qq ? `Quotes: ${state.qq}` : 'Quotes', upload: 'Upload', status: 'Status' }[state.tab];
  return `${label} — Stacks`;
}

function syncDoc() {
  if (!state.doc) {
    if (docIsOpen()) hideDoc();
    return;
  }
  const query = state.tab === 'quotes' ? state.qq : state.q;
  showDoc(state.doc, query, { focusOffset: pendingDocFocus });
  pendingDocFocus = null;
}

/**
 * Puts the state into the form controls. Free-text boxes are only reset when
 * the state came from the URL, so ticking a filter never wipes half-typed text.
 */
function syncControls(fromUrl) {
  if (fromUrl) {
    setValue($('#q'), state.q);
    setValue($('#quotes-q'), state.qq);
    setValue($('#quotes-speaker'), state.speaker);
  }
  setValue($('#sort'), state.sort);
  setValue($('#size'), String(state.size));
  setValue($('#date-from'), state.from);
  setValue($('#date-to'), state.to);
  setValue($('#quotes-sort'), state.qsort);
  $('#timeline-normalized').checked = state.norm;
  $('#timeline-reset').hidden = !(state.from || state.to);
  $('#view-results').setAttribute('aria-pressed', String(state.view === 'results'));
  $('#view-concordance').setAttribute('aria-pressed', String(state.view === 'concordance'));
  $('#results').hidden = state.view !== 'results';
  $('#pager').hidden = state.view !== 'results';
  $('#concordance').hidden = state.view !== 'concordance';
  $('#results-area').classList.toggle('concordance-view', state.view === 'concordance');
}

function setValue(el, value) {
  if (el.value !== value) el.value = value;
}

function showTab(tab) {
  for (const name of TABS) {
    const active = name === tab;
    const button = $(`#tab-${name}`);
    button.setAttribute('aria-selected', String(active));
    button.tabIndex = active ? 0 : -1;
    $(`#panel-${name}`).hidden = !active;
  }
}

// ---- errors & messages -------------------------------------------------------

function showError(error) {
  $('#error').replaceChildren(
    h('div', { class: 'error-text' }, h('strong', { text: error.title || 'Error' }), error.detail ? h('span', { text: ` ${error.detail}` }) : null),
    h('button', { type: 'button', class: 'icon-button error-dismiss', 'aria-label': 'Dismiss error', text: '×', onclick: clearError }),
  );
  // A 400 from the search is a query problem: point at the box that caused it.
  if (error.status === 400) $(state.tab === 'quotes' ? '#quotes-q' : '#q').setAttribute('aria-invalid', 'true');
}

function clearError() {
  $('#error').replaceChildren();
  $('#q').removeAttribute('aria-invalid');
  $('#quotes-q').removeAttribute('aria-invalid');
}

let toastTimer = 0;
/** A short confirmation ("Copied"), announced politely; inside the dialog while it is open. */
function toast(message) {
  const el = docIsOpen() ? $('#doc-toast') : $('#toast');
  clearTimeout(toastTimer);
  el.textContent = message;
  el.classList.add('visible');
  toastTimer = setTimeout(() => { el.classList.remove('visible'); el.textContent = ''; }, 2500);
}

// ---- search -----------------------------------------------------------------------

function runSearchViews() {
  renderFilterChips($('#chips'), state, removeFilter, clearFilters);
  updateExportLinks();
  const params = searchParams(state);
  if (params.toString() !== lastKey.search) fetchResults(params);
  const filterKey = filterParams(state).toString();
  if (filterKey !== lastKey.timeline) fetchTimeline(filterKey);
  else drawTimeline(); // the normalised toggle or the selection may have changed
  if (state.view === 'concordance' && filterKey !== lastKey.concordance) fetchConcordance(filterKey);
}

async function fetchResults(params) {
  lastKey.search = params.toString();
  const seq = ++searchSeq;
  setBusy(true);
  try {
    const data = await getJson('/search', params, 'search');
    clearError();
    renderSearch(data);
  } catch (e) {
    if (isAbort(e)) return;
    lastKey.search = null; // so the same search can be retried
    showError(e);
    $('#total').textContent = 'Search failed';
    renderEmpty($('#results'), 'The search could not be run.', e.detail || e.title);
    $('#pager').replaceChildren();
    for (const placeholder of document.querySelectorAll('.facet-skeleton')) placeholder.remove(); // no facets are coming
  } finally {
    if (seq === searchSeq) setBusy(false);
  }
}

/** Keeps the old results in place, dimmed, while new ones load: no layout jump. */
function setBusy(busy) {
  $('#results-area').classList.toggle('is-loading', busy);
  $('#results').setAttribute('aria-busy', String(busy));
}

function renderSearch(data) {
  const total = data?.total ?? 0;
  const hits = data?.hits ?? [];
  const lastPage = Math.max(1, Math.ceil(total / state.size));
  if (state.page > lastPage && total > 0) { navigate({ page: lastPage }, { replace: true }); return; }
  lastSearch = data;
  $('#total').textContent = totalText(total, data?.tookMs, state.page, state.size);
  if (hits.length) renderHits($('#results'), hits, (state.page - 1) * state.size + 1, { docHref, onOpen: openDoc, onFilter: addFilter });
  else renderEmpty($('#results'), 'No documents match.', state.q || FILTER_DIMS.some((d) => state[d].length) ? 'Try fewer words, remove a filter, or use OR between alternatives.' : 'The archive is empty: add documents in the Upload tab.');
  renderPager($('#pager'), { page: state.page, size: state.size, total, href: (p) => urlFor({ ...state, page: p }), onPage: goToPage });
  // Facet counts depend on the query and filters only: paging or sorting keeps the sidebar as it is.
  const facetKey = filterParams(state).toString();
  if (facetKey !== lastKey.facets) {
    lastKey.facets = facetKey;
    renderFacets(data?.facets ?? {});
  }
  if (scrollToResults) {
    scrollToResults = false;
    $('#results-heading').focus({ preventScroll: true });
    $('#chips').scrollIntoView({ block: 'start' });
  }
}

function goToPage(page) {
  scrollToResults = true;
  navigate({ page });
}

function openDoc(id) {
  navigate({ doc: id });
}

// ---- filters -----------------------------------------------------------------------

function addFilter(dim, value) {
  const patch = state[dim].includes(value) ? {} : { [dim]: [...state[dim], value] };
  // Filtering from inside a document means "show me more like this": close it and search.
  navigate({ ...patch, doc: '', tab: 'search' });
}

function toggleFilter(dim, value, on) {
  const rest = state[dim].filter((v) => v !== value);
  navigate({ [dim]: on ? [...rest, value] : rest });
}

function removeFilter(dim, value) {
  if (dim === 'date') navigate({ from: '', to: '' });
  else toggleFilter(dim, value, false);
  // The chip that had focus is gone; keep keyboard users in the chip row.
  ($('#chips .filter-chip-remove') ?? $('#q')).focus();
}

function clearFilters() {
  navigate({ actor: [], location: [], format: [], from: '', to: '' });
  $('#q').focus();
}

function renderFacets(facets) {
  refreshActorFacet(facets.actor ?? []);
  locationTree.update(facets.location ?? [], state.location);
  renderFormatFacet($('#facet-format'), facets.format ?? [], state.format, toggleFilter);
  renderDateFacet($('#facet-date'), facets.date ?? [], state.from, state.to, (range) => navigate(range));
}

/** Actors come with the search, unless the filter box or "show more" asks the facets endpoint. */
async function refreshActorFacet(fromSearch) {
  const el = $('#facet-actor');
  const more = $('#facet-actor-more');
  if (more.classList.contains('pending')) { // it only held its line until the first answer
    more.classList.remove('pending');
    more.removeAttribute('tabindex');
    more.removeAttribute('aria-hidden');
  }
  if (!actorFacet.prefix && !actorFacet.more) {
    renderActorFacet(el, fromSearch, state.actor, toggleFilter);
    more.hidden = fromSearch.length < 10;
    more.textContent = 'Show more';
    return;
  }
  const params = filterParams(state);
  if (actorFacet.prefix) params.set('prefix', actorFacet.prefix);
  params.set('size', actorFacet.more ? '100' : '30');
  try {
    const data = await getJson('/facets/actor', params, 'facet-actor');
    const empty = actorFacet.prefix ? `No names starting with “${actorFacet.prefix}”` : undefined;
    renderActorFacet(el, data?.values ?? [], state.actor, toggleFilter, empty);
    more.hidden = !actorFacet.more && (data?.values ?? []).length < 30;
    more.textContent = actorFacet.more ? 'Show fewer' : 'Show more';
  } catch (e) {
    if (!isAbort(e)) showError(e);
  }
}

function fetchLocationChildren(path) {
  const params = filterParams(state);
  params.set('prefix', path);
  params.set('size', '100');
  return getJson('/facets/location', params, `facet-location:${path}`).then((data) => data?.values ?? []);
}

// ---- timeline ----------------------------------------------------------------------

async function fetchTimeline(filterKey) {
  lastKey.timeline = filterKey;
  let interval = chooseInterval(state.from, state.to);
  const params = filterParams(state);
  try {
    // without a range the server chooses years, or months for hits within two years, in one pass
    params.set('interval', interval === 'year' ? 'auto' : interval);
    const data = await getJson('/timeline', params, 'timeline');
    interval = data?.interval ?? interval;
    timelineData = { interval, buckets: fillBuckets(data?.buckets ?? [], interval) };
  } catch (e) {
    if (isAbort(e)) return;
    lastKey.timeline = null;
    timelineData = { interval, buckets: [], message: 'Timeline unavailable' };
  }
  drawTimeline();
}

function drawTimeline() {
  if (!timelineData) return;
  const unit = { year: 'year', month: 'month', day: 'day' }[timelineData.interval] ?? 'period';
  $('#timeline-heading').textContent = state.norm ? `Share of documents per ${unit}` : `Hits per ${unit}`;
  timeline.draw({ ...timelineData, normalized: state.norm, from: state.from, to: state.to });
}

// ---- concordance, export, curl --------------------------------------------------------

async function fetchConcordance(filterKey) {
  lastKey.concordance = filterKey;
  const list = $('#concordance-lines');
  if (!state.q.trim()) { // the concordance lists where q occurs: nothing to ask without one
    list.replaceChildren(h('li', { class: 'no-results', text: 'Type a query to see every match in its context.' }));
    $('#concordance-count').textContent = '';
    return;
  }
  const params = outputParams(state);
  list.classList.add('is-loading');
  try {
    const data = await getJson('/concordance', params, 'concordance');
    const lines = data?.lines ?? [];
    renderConcordance(list, lines, { docHref, onOpen: openDoc });
    $('#concordance-count').textContent = `${formatNumber(lines.length)} ${lines.length === 1 ? 'line' : 'lines'}: every match with its context.`;
  } catch (e) {
    if (isAbort(e)) return;
    lastKey.concordance = null;
    showError(e);
  } finally {
    list.classList.remove('is-loading');
  }
}

// Export and concordance read "format" as the output format; their document-format filter is "docFormat".
function outputParams(s) {
  const params = filterParams(s);
  for (const f of params.getAll('format')) params.append('docFormat', f);
  params.delete('format');
  return params;
}

function updateExportLinks() {
  for (const link of document.querySelectorAll('a[data-export]')) {
    const params = outputParams(state);
    params.set('format', link.dataset.export);
    link.href = apiUrl('/export', params);
  }
  const csv = outputParams(state);
  csv.set('format', 'csv');
  $('#concordance-csv').href = apiUrl('/concordance', csv);
}

async function copyCurl() {
  const path = state.tab === 'quotes' ? '/quotes' : '/search';
  const params = state.tab === 'quotes' ? quoteParams(state) : searchParams(state);
  const ok = await copyText(curlCommand(path, params));
  toast(ok ? 'curl command copied' : 'Copy failed');
}

// ---- quotes -------------------------------------------------------------------------

async function runQuotes() {
  const params = quoteParams(state);
  const key = params.toString();
  if (key === lastKey.quotes) return;
  lastKey.quotes = key;
  const list = $('#quotes-results');
  list.classList.add('is-loading');
  try {
    const data = await getJson('/quotes', params, 'quotes');
    clearError();
    const size = Number(params.get('size'));
    $('#quotes-total').textContent = quotesTotalText(data?.total ?? 0);
    renderQuotes(list, data?.hits ?? [], (state.qpage - 1) * size + 1, {
      docHref,
      onOpen: (hit) => { pendingDocFocus = hit.start; navigate({ doc: hit.documentId }); },
      onSpeaker: (speaker) => { $('#quotes-speaker').value = speaker; navigate({ speaker }); },
    });
    renderPager($('#quotes-pager'), {
      page: state.qpage, size, total: data?.total ?? 0,
      href: (p) => urlFor({ ...state, qpage: p }),
      onPage: (p) => navigate({ qpage: p }),
    });
  } catch (e) {
    if (isAbort(e)) return;
    lastKey.quotes = null;
    showError(e);
  } finally {
    list.classList.remove('is-loading');
  }
}

// ---- status -------------------------------------------------------------------------

async function loadStatus() {
  const panel = $('#status-panel');
  panel.setAttribute('aria-busy', 'true');
  try {
    renderStats(panel, (await getJson('/stats', null, 'stats')) ?? {});
  } catch (e) {
    if (!isAbort(e)) renderStatsError(panel, e);
  } finally {
    panel.setAttribute('aria-busy', 'false');
  }
}

/** New documents make every cached view stale. */
function onUploaded() {
  lastKey.search = null;
  lastKey.facets = null;
  lastKey.timeline = null;
  lastKey.concordance = null;
  lastKey.quotes = null;
}

// ---- wiring -------------------------------------------------------------------------

function initSearchForm() {
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('#q').value;
    if (q === state.q) lastKey.search = null; // Enter on the same query re-runs it
    $('#syntax-help').open = false;
    navigate({ q, tab: 'search' });
  });
  $('#sort').addEventListener('change', (e) => navigate({ sort: e.target.value }));
  $('#size').addEventListener('change', (e) => navigate({ size: Number(e.target.value) }));
  $('#view-results').addEventListener('click', () => navigate({ view: 'results' }));
  $('#view-concordance').addEventListener('click', () => navigate({ view: 'concordance' }));
  $('#copy-curl').addEventListener('click', copyCurl);
  $('#timeline-normalized').addEventListener('change', (e) => navigate({ norm: e.target.checked }));
  $('#timeline-reset').addEventListener('click', () => navigate({ from: '', to: '' }));
  closeOnOutsideClick($('#export-menu'));
  closeOnOutsideClick($('#syntax-help'));
}

/** <details> menus close on Escape or a click elsewhere, like a native menu. */
function closeOnOutsideClick(details) {
  document.addEventListener('click', (e) => { if (details.open && !details.contains(e.target)) details.open = false; });
  details.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && details.open) { details.open = false; details.querySelector('summary').focus(); }
  });
}

function initSidebar() {
  locationTree = new LocationTree($('#facet-location'), { fetchChildren: fetchLocationChildren, onToggle: toggleFilter });
  const actorFilter = debounce((text) => {
    actorFacet.prefix = text.trim();
    refreshActorFacet(lastSearch?.facets?.actor ?? []);
  }, 250);
  $('#facet-actor-filter').addEventListener('input', (e) => actorFilter(e.target.value));
  $('#facet-actor-more').addEventListener('click', () => {
    actorFacet.more = !actorFacet.more;
    refreshActorFacet(lastSearch?.facets?.actor ?? []);
  });
  const locationFilter = debounce((text) => locationTree.setFilter(text), 200);
  $('#facet-location-filter').addEventListener('input', (e) => locationFilter(e.target.value));
  $('#date-form').addEventListener('submit', submitDateRange);
}

function submitDateRange(e) {
  e.preventDefault();
  const from = $('#date-from').value.trim();
  const to = $('#date-to').value.trim();
  const bad = [[from, '#date-from'], [to, '#date-to']].filter(([v]) => v && !PARTIAL_DATE.test(v));
  for (const sel of ['#date-from', '#date-to']) $(sel).removeAttribute('aria-invalid');
  if (bad.length) {
    for (const [, sel] of bad) $(sel).setAttribute('aria-invalid', 'true');
    showError({ title: 'Invalid date', detail: 'Use YYYY, YYYY-MM or YYYY-MM-DD.' });
    $(bad[0][1]).focus();
    return;
  }
  navigate(from && to && from > to ? { from: to, to: from } : { from, to });
}

/** Tabs follow the WAI-ARIA pattern: arrow keys move and select, one tab stop. */
function initTabs() {
  const tablist = $('[role="tablist"]');
  tablist.addEventListener('click', (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab) navigate({ tab: tab.id.replace('tab-', '') });
  });
  tablist.addEventListener('keydown', (e) => {
    const i = TABS.indexOf(state.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length];
    navigate({ tab });
    $(`#tab-${tab}`).focus();
  });
}

function initQuotesForm() {
  $('#quotes-form').addEventListener('submit', (e) => {
    e.preventDefault();
    lastKey.quotes = null;
    navigate({ qq: $('#quotes-q').value, speaker: $('#quotes-speaker').value.trim() });
  });
  $('#quotes-sort').addEventListener('change', (e) => navigate({ qsort: e.target.value }));
}

const NON_TEXT_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'];
const isTextEntry = (el) => (el.tagName === 'INPUT' && !NON_TEXT_INPUTS.includes(el.type))
  || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;

/** "/" jumps to the search box of the current tab (not while typing somewhere). */
function initShortcuts() {
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || docIsOpen()) return;
    if (isTextEntry(e.target)) return;
    e.preventDefault();
    if (state.tab !== 'search' && state.tab !== 'quotes') navigate({ tab: 'search' });
    const box = state.tab === 'quotes' ? $('#quotes-q') : $('#q');
    box.focus();
    box.select();
  });
}

function init() {
  timeline = new Timeline($('#timeline'), (from, to) => navigate({ from, to }));
  initTabs();
  initSearchForm();
  initSidebar();
  initQuotesForm();
  initShortcuts();
  initDocView({ onClose: () => navigate({ doc: '' }), onOpen: openDoc, onFilter: addFilter, toast });
  initUpload({ onUploaded, toast });
  $('#status-refresh').addEventListener('click', loadStatus);
  window.addEventListener('popstate', () => { state = parseState(window.location.search); apply({ fromUrl: true }); });
  renderSkeleton($('#results'));
  apply({ fromUrl: true });
}

init();
