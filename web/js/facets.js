// The facet sidebar: actors, a drillable location tree, years and formats.
// Every value is a real checkbox inside a label, so it is keyboard- and
// screen-reader-usable without extra ARIA.

import { h, fragment, formatNumber, icon } from './dom.js';
import { periodInRange, toggleYear } from './state.js';

/** One checkbox row: label.facet-value > input + optional icon + name + .count */
export function facetValue({ name, count, checked, onChange, iconNode, title, key = name }) {
  return h('label', { class: 'facet-value', title, dataset: { key } },
    h('input', { type: 'checkbox', checked: Boolean(checked), onchange: (e) => onChange(e.target.checked) }),
    iconNode ?? null,
    h('span', { class: 'facet-name', text: name }),
    h('span', { class: 'count', text: count == null ? '' : formatNumber(count) }));
}

const emptyNote = (text) => h('p', { class: 'facet-empty', text });

/**
 * Re-renders a facet list without losing keyboard focus: ticking a box
 * reloads the list, so the same value's checkbox (or twisty) gets focus back.
 */
function keepFocus(el, render) {
  const active = document.activeElement;
  const holder = el.contains(active) ? active.closest('[data-key]') : null;
  const target = active?.classList.contains('twisty') ? 'button.twisty' : 'input';
  render();
  if (holder) el.querySelector(`[data-key="${CSS.escape(holder.dataset.key)}"] ${target}`)?.focus();
}

/** Selected values missing from the server's top list still get a row, so they can be unticked. */
function withSelected(values, selected, key = (v) => v.value, name = (v) => v) {
  const present = new Set(values.map(key));
  const missing = selected.filter((v) => !present.has(v)).map((v) => ({ value: name(v), path: v, count: null }));
  return [...missing, ...values];
}

const actorIcon = (type) => icon(type === 'organisation' ? 'organisation' : type === 'person' ? 'person' : null);

/** Actors (people and organisations, told apart by an icon with a text label). */
export function renderActorFacet(el, values, selected, onToggle, emptyText = 'No people or organisations') {
  const rows = withSelected(values ?? [], selected).map((v) => facetValue({
    name: v.value,
    count: v.count,
    checked: selected.includes(v.value),
    iconNode: actorIcon(v.type),
    title: v.type ? `${v.value} (${v.type})` : undefined,
    onChange: (on) => onToggle('actor', v.value, on),
  }));
  keepFocus(el, () => el.replaceChildren(rows.length ? fragment(rows) : emptyNote(emptyText)));
}

/** Formats: a flat list of checkboxes. */
export function renderFormatFacet(el, values, selected, onToggle) {
  const rows = withSelected(values ?? [], selected).map((v) => facetValue({
    name: v.value,
    count: v.count,
    checked: selected.includes(v.value),
    onChange: (on) => onToggle('format', v.value, on),
  }));
  keepFocus(el, () => el.replaceChildren(rows.length ? fragment(rows) : emptyNote('No formats')));
}

/**
 * Years. The API filters dates by a from/to range, so ticking years edits
 * that range (see toggleYear) and a year is ticked when it overlaps it.
 */
export function renderDateFacet(el, values, from, to, onRange) {
  const years = [...(values ?? [])].sort((a, b) => String(a.value).localeCompare(String(b.value)));
  const rows = years.map((v) => facetValue({
    name: String(v.value),
    count: v.count,
    checked: periodInRange(String(v.value), from, to),
    onChange: (on) => onRange(toggleYear(v.value, on, from, to)),
  }));
  keepFocus(el, () => el.replaceChildren(rows.length ? fragment(rows) : emptyNote('No dated documents')));
}

// ---- location tree ------------------------------------------------------

const MAX_DEPTH = 3; // country › region › place
const depthOf = (path) => path.split('/').length;
const pathOf = (v) => v.path || v.value;
const displayPath = (path) => path.split('/').join(' › ');
const lastSegment = (path) => path.split('/').pop();

/**
 * Locations as a tree: top-level countries come with the search response;
 * a country's or region's children are fetched when it is expanded, and
 * re-fetched whenever the query or filters change so counts stay true.
 */
export class LocationTree {
  constructor(el, { fetchChildren, onToggle }) {
    this.el = el;
    this.fetchChildren = fetchChildren;
    this.onToggle = onToggle;
    this.roots = [];
    this.selected = [];
    this.expanded = new Set();
    this.children = new Map(); // path → values, or null while loading
    this.leaves = new Set(); // paths known to have no children
    this.filter = '';
    this.generation = 0;
  }

  /** New search results: new roots and counts; expanded branches are reloaded. */
  update(roots, selected) {
    this.roots = roots ?? [];
    this.selected = selected;
    for (const path of selected) this.expandAncestors(path);
    // Stale children stay on screen until fresh counts arrive (no flicker).
    this.leaves.clear();
    this.generation += 1;
    this.render();
    for (const path of this.expanded) this.load(path);
  }

  /** Opens the branches above a selected place so the ticked box is visible. */
  expandAncestors(path) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) this.expanded.add(parts.slice(0, i).join('/'));
  }

  toggleExpanded(path) {
    if (this.expanded.has(path)) {
      this.expanded.delete(path);
    } else {
      this.expanded.add(path);
      this.load(path); // cached children may be from an older search; refresh them
    }
    this.render();
  }

  async load(path) {
    const generation = this.generation;
    if (!this.children.has(path)) this.children.set(path, null);
    let values;
    try {
      values = await this.fetchChildren(path);
    } catch (e) {
      if (e?.name === 'AbortError' || generation !== this.generation) return;
      values = [];
    }
    if (generation !== this.generation) return; // a newer search replaced the tree
    this.children.set(path, values);
    if (!values.length) this.leaves.add(path);
    this.render();
  }

  /** The filter box: "jal" filters loaded names; "Mexico/jal" opens Mexico and filters inside it. */
  setFilter(text) {
    const parts = text.split('/').map((p) => p.trim());
    this.filter = (parts.pop() ?? '').toLowerCase();
    const parent = parts.filter(Boolean).join('/');
    if (parent) {
      const canonical = this.canonicalPath(parent);
      this.expandAncestors(`${canonical}/x`);
      if (!this.children.has(canonical)) this.load(canonical);
    }
    this.render();
  }

  /** Matches a typed path case-insensitively against loaded names ("mexico" → "Mexico"). */
  canonicalPath(typed) {
    const all = [...this.roots, ...[...this.children.values()].flatMap((v) => v ?? [])];
    const hit = all.find((v) => pathOf(v).toLowerCase() === typed.toLowerCase());
    return hit ? pathOf(hit) : typed;
  }

  matches(v) {
    if (!this.filter) return true;
    return String(v.value).toLowerCase().split(/[\s-]+/).some((word) => word.startsWith(this.filter))
      || String(v.value).toLowerCase().startsWith(this.filter);
  }

  /** Whether a node or any loaded descendant matches the filter. */
  visible(v) {
    if (this.matches(v)) return true;
    const kids = this.children.get(pathOf(v));
    return Boolean(kids && kids.some((k) => this.visible(k)));
  }

  render() {
    const roots = withSelected(this.roots, [...new Set(this.selected.map((p) => p.split('/')[0]))], pathOf, lastSegment);
    const list = this.renderList(roots, false);
    keepFocus(this.el, () => this.el.replaceChildren(list.childElementCount ? list : emptyNote(this.filter ? 'No matching places' : 'No places')));
  }

  renderList(values, ancestorMatched) {
    const ul = h('ul', { class: 'tree' });
    for (const v of values) {
      if (ancestorMatched || this.visible(v)) ul.append(this.renderNode(v, ancestorMatched || (this.filter && this.matches(v))));
    }
    return ul;
  }

  renderNode(v, ancestorMatched) {
    const path = pathOf(v);
    const open = this.expanded.has(path);
    const row = h('div', { class: 'tree-row', dataset: { key: path } },
      this.twisty(v, path, open),
      facetValue({
        name: v.value,
        count: v.count,
        checked: this.selected.includes(path),
        title: displayPath(path),
        key: path,
        onChange: (on) => this.onToggle('location', path, on),
      }));
    const li = h('li', { class: 'tree-node', dataset: { path } }, row);
    if (open && this.canExpand(path)) li.append(this.renderChildren(path, ancestorMatched));
    return li;
  }

  canExpand(path) {
    return depthOf(path) < MAX_DEPTH && !this.leaves.has(path);
  }

  twisty(v, path, open) {
    if (!this.canExpand(path)) return h('span', { class: 'twisty-spacer', 'aria-hidden': 'true' });
    return h('button', {
      type: 'button',
      class: 'twisty',
      'aria-expanded': String(open),
      'aria-label': `${open ? 'Hide' : 'Show'} places in ${v.value}`,
      onclick: () => this.toggleExpanded(path),
    });
  }

  renderChildren(path, ancestorMatched) {
    const kids = this.children.get(path);
    if (!kids) return h('p', { class: 'facet-empty tree-loading', text: 'Loading…' });
    // Selected places below this node keep their branch visible even if the server omitted it.
    const depth = depthOf(path) + 1;
    const selectedHere = [...new Set(this.selected
      .filter((p) => p.startsWith(`${path}/`))
      .map((p) => p.split('/').slice(0, depth).join('/')))];
    return this.renderList(withSelected(kids, selectedHere, pathOf, lastSegment), ancestorMatched);
  }
}
