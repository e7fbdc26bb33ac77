// The hits-over-time bar chart, drawn as plain SVG with DOM APIs. Bars are
// picked by x position (not by hit-testing the rects), so short or empty
// bars are as easy to click or drag across as tall ones.

import { s, formatNumber, formatPartialDate, shortPeriod } from './dom.js';
import { periodInRange } from './state.js';

const HEIGHT = 150;
const MARGIN = { top: 12, right: 8, bottom: 24, left: 48 };
const MAX_FILLED_BUCKETS = 1200;
const MAX_BAR_WIDTH = 56;
const LABEL_WIDTH = { year: 40, month: 52, day: 26 };

/** Year interval (the server's 'auto': months when the hits span two years or less) unless the from/to range is narrow enough for months, or days within one month. */
export function chooseInterval(from, to) {
  if (!from || !to) return 'year';
  const span = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (span >= 3) return 'year';
  if (from.length >= 7 && to.length >= 7 && from.slice(0, 7) === to.slice(0, 7)) return 'day';
  return 'month';
}

const pad2 = (n) => String(n).padStart(2, '0');

function* periodsBetween(first, last, interval) {
  if (interval === 'year') {
    for (let y = Number(first); y <= Number(last); y += 1) yield String(y);
    return;
  }
  if (interval === 'month') {
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      yield `${y}-${pad2(m)}`;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return;
  }
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86400000) yield new Date(t).toISOString().slice(0, 10);
}

/**
 * The API may omit empty periods; fill the gaps so bar positions are honest
 * about time. Months are shown as whole years and days as whole months, so
 * a single busy month still appears in context.
 */
export function fillBuckets(buckets, interval) {
  const sorted = [...buckets].sort((a, b) => String(a.period).localeCompare(String(b.period)));
  if (!sorted.length) return sorted;
  const byPeriod = new Map(sorted.map((b) => [String(b.period), b]));
  const [first, last] = paddedSpan(String(sorted[0].period), String(sorted.at(-1).period), interval);
  const filled = [];
  for (const period of periodsBetween(first, last, interval)) {
    if (filled.length > MAX_FILLED_BUCKETS) return sorted;
    filled.push(byPeriod.get(period) ?? { period, count: 0, total: 0, normalized: 0 });
  }
  return filled;
}

function paddedSpan(first, last, interval) {
  if (interval === 'month') return [`${first.slice(0, 4)}-01`, `${last.slice(0, 4)}-12`];
  if (interval === 'day') {
    const [y, m] = last.split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${first.slice(0, 7)}-01`, `${last.slice(0, 7)}-${pad2(lastDay)}`];
  }
  return [first, last];
}

/** A round axis maximum (1, 2, 5 × 10^n) at or above the largest value. */
function niceCeiling(value) {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * magnitude >= value - 1e-12);
  return step * magnitude;
}

const valueOf = (bucket, normalized) => {
  if (!normalized) return bucket.count ?? 0;
  if (typeof bucket.normalized === 'number') return bucket.normalized;
  return bucket.total ? bucket.count / bucket.total : 0;
};

const formatValue = (value, normalized) => (normalized ? `${(value * 100).toFixed(value < 0.01 && value > 0 ? 2 : 1)}%` : formatNumber(value));

/**
 * Owns one <svg>: draws buckets and turns clicks, drags and keys into a
 * from/to selection via onSelect(fromPeriod, toPeriod).
 */
export class Timeline {
  constructor(svg, onSelect) {
    this.svg = svg;
    this.onSelect = onSelect;
    this.model = null;
    this.drag = null;
    this.focusIndex = 0;
    svg.addEventListener('pointerdown', (e) => this.pointerDown(e));
    svg.addEventListener('pointermove', (e) => this.pointerMove(e));
    svg.addEventListener('pointerup', (e) => this.pointerUp(e));
    svg.addEventListener('pointercancel', () => this.cancelDrag());
    svg.addEventListener('keydown', (e) => this.keyDown(e));
    // Redraw at the new width; the viewBox matches pixels so text never stretches.
    new ResizeObserver(() => { if (this.model) this.draw(this.model.input); }).observe(svg.parentElement);
  }

  draw(input) {
    const { buckets, normalized, from, to, message } = input;
    const width = Math.max(240, Math.round(this.svg.parentElement.clientWidth));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    this.svg.setAttribute('height', HEIGHT);
    const innerW = width - MARGIN.left - MARGIN.right;
    const band = buckets.length ? innerW / buckets.length : innerW;
    this.model = { input, buckets, width, band };
    if (!buckets.length) {
      this.svg.replaceChildren(this.axis(width), s('text', { class: 'tl-empty', x: width / 2, y: HEIGHT / 2, 'text-anchor': 'middle', text: message || 'No dated documents' }));
      return;
    }
    const values = buckets.map((b) => valueOf(b, normalized));
    const max = normalized ? Math.max(...values) || 1 : Math.max(1, niceCeiling(Math.max(...values)));
    this.focusIndex = Math.min(this.focusIndex, buckets.length - 1);
    const frag = document.createDocumentFragment();
    frag.append(this.gridLines(width, max, normalized), this.axis(width));
    buckets.forEach((b, i) => frag.append(this.bar(b, i, values[i], max, band, normalized, periodInRange(String(b.period), from, to))));
    frag.append(this.xLabels(buckets, band, input.interval));
    const hadFocus = this.svg.contains(document.activeElement);
    this.svg.replaceChildren(frag);
    // Keyboard users keep their place when a selection redraws the chart.
    if (hadFocus) this.svg.querySelector(`rect.bar[data-index="${this.focusIndex}"]`)?.focus();
  }

  axis(width) {
    const y = HEIGHT - MARGIN.bottom + 0.5;
    return s('line', { class: 'tl-axis', x1: MARGIN.left, x2: width - MARGIN.right, y1: y, y2: y });
  }

  gridLines(width, max, normalized) {
    const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const g = s('g', { class: 'tl-grid', 'aria-hidden': 'true' });
    // Counts get whole-number gridlines only.
    const fractions = normalized || max % 2 === 0 ? [1, 0.5] : [1];
    for (const fraction of fractions) {
      const y = Math.round(MARGIN.top + innerH * (1 - fraction)) + 0.5;
      g.append(
        s('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y, y2: y }),
        s('text', { x: MARGIN.left - 6, y: y + 4, 'text-anchor': 'end', text: formatValue(max * fraction, normalized) }),
      );
    }
    return g;
  }

  bar(bucket, index, value, max, band, normalized, selected) {
    const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const gap = band > 8 ? Math.min(band * 0.18, 6) : band > 3 ? 1 : 0;
    const height = Math.max(value > 0 ? 2 : 1, (value / max) * innerH);
    const label = `${formatPartialDate(String(bucket.period))}: ${formatNumber(bucket.count ?? 0)} hits`
      + (normalized && bucket.total ? ` of ${formatNumber(bucket.total)} documents (${formatValue(value, true)})` : '');
    // Few buckets would make slabs; cap the bar width and centre it in its band.
    const width = Math.max(1, Math.min(band - gap, MAX_BAR_WIDTH));
    return s('rect', {
      class: `bar${selected ? ' selected' : ''}`,
      'data-period': bucket.period,
      'data-index': index,
      x: (MARGIN.left + index * band + (band - width) / 2).toFixed(2),
      y: (MARGIN.top + innerH - height).toFixed(2),
      width: width.toFixed(2),
      height: height.toFixed(2),
      role: 'button',
      tabindex: index === this.focusIndex ? 0 : -1,
      'aria-label': label,
    }, s('title', { text: label }));
  }

  xLabels(buckets, band, interval) {
    const step = Math.max(1, Math.ceil((LABEL_WIDTH[interval] ?? 40) / band));
    const g = s('g', { class: 'tl-labels', 'aria-hidden': 'true' });
    buckets.forEach((b, i) => {
      if (i % step !== 0) return;
      g.append(s('text', { x: (MARGIN.left + (i + 0.5) * band).toFixed(1), y: HEIGHT - 7, 'text-anchor': 'middle', text: shortPeriod(b.period) }));
    });
    return g;
  }

  // ---- interaction ------------------------------------------------------

  indexAt(event) {
    const rect = this.svg.getBoundingClientRect();
    const x = ((event.clientX - rect.left) * this.model.width) / rect.width;
    const index = Math.floor((x - MARGIN.left) / this.model.band);
    return Math.min(this.model.buckets.length - 1, Math.max(0, index));
  }

  pointerDown(event) {
    if (event.button !== 0 || !this.model?.buckets.length) return;
    const index = this.indexAt(event);
    this.drag = { anchor: index, current: index };
    this.svg.setPointerCapture(event.pointerId);
    this.paintDrag();
  }

  pointerMove(event) {
    if (!this.drag) return;
    const index = this.indexAt(event);
    if (index === this.drag.current) return;
    this.drag.current = index;
    this.paintDrag();
  }

  pointerUp() {
    if (!this.drag) return;
    const { anchor, current } = this.drag;
    this.drag = null;
    this.select(Math.min(anchor, current), Math.max(anchor, current));
  }

  cancelDrag() {
    this.drag = null;
    this.paintDrag();
  }

  paintDrag() {
    const [lo, hi] = this.drag ? [Math.min(this.drag.anchor, this.drag.current), Math.max(this.drag.anchor, this.drag.current)] : [-1, -2];
    for (const rect of this.svg.querySelectorAll('rect.bar')) {
      const i = Number(rect.dataset.index);
      rect.classList.toggle('dragging', i >= lo && i <= hi);
    }
  }

  select(lo, hi) {
    const { buckets } = this.model;
    this.focusIndex = lo;
    this.onSelect(String(buckets[lo].period), String(buckets[hi].period));
  }

  /** Arrow keys move between bars (roving tabindex); Enter/Space filters to the focused bar. */
  keyDown(event) {
    const rect = event.target.closest?.('rect.bar');
    if (!rect || !this.model) return;
    const last = this.model.buckets.length - 1;
    const i = Number(rect.dataset.index);
    const moves = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: last };
    if (event.key in moves) {
      event.preventDefault();
      this.moveFocus(Math.min(last, Math.max(0, moves[event.key])));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(i, i);
    }
  }

  moveFocus(index) {
    this.focusIndex = index;
    for (const rect of this.svg.querySelectorAll('rect.bar')) rect.setAttribute('tabindex', Number(rect.dataset.index) === index ? '0' : '-1');
    this.svg.querySelector(`rect.bar[data-index="${index}"]`)?.focus();
  }
}
