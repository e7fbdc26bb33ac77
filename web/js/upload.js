// The librarians' upload panel. Files are sent one request each (so every
// file gets its own progress bar and outcome) with XMLHttpRequest, whose
// upload progress events fetch() does not offer. The API key is asked for
// once and kept in sessionStorage: it lasts for this tab, not on disk.

import { $, h, formatBytes } from './dom.js';
import { apiUrl } from './api.js';

const KEY_STORAGE = 'stacks.apiKey';
const CONCURRENCY = 2;
const OUTCOME_LABELS = {
  indexed: 'Indexed',
  'indexed-truncated': 'Indexed (text truncated)',
  'no-text': 'No text found',
  duplicate: 'Already in the archive',
  rejected: 'Rejected',
  error: 'Failed',
  waiting: 'Waiting for the API key',
  queued: 'Queued',
  uploading: 'Uploading…',
  processing: 'Processing…',
};

let callbacks = null; // { onUploaded(), toast(msg) }
const queue = [];
let running = 0;
let pausedUntil = 0; // after a 429, no upload starts before this time (ms since the epoch)
let resumeTimer = 0;

const storedKey = () => { try { return sessionStorage.getItem(KEY_STORAGE) ?? ''; } catch { return ''; } };
const storeKey = (key) => {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch { /* storage disabled: the key lives in the field only */ }
};
const currentKey = () => $('#upload-key').value.trim();

export function initUpload(cb) {
  callbacks = cb;
  const keyInput = $('#upload-key');
  keyInput.value = storedKey();
  keyInput.addEventListener('input', () => { storeKey(currentKey()); setKeyMessage(''); });
  keyInput.addEventListener('change', resumeWaiting);
  $('#upload-key-form').addEventListener('submit', (e) => { e.preventDefault(); resumeWaiting(); });
  $('#upload-key-forget').addEventListener('click', () => { keyInput.value = ''; storeKey(''); keyInput.focus(); callbacks.toast('API key forgotten'); });
  const input = $('#upload-input');
  input.addEventListener('change', () => { addFiles([...input.files]); input.value = ''; });
  $('#upload-clear').addEventListener('click', clearFinished);
  initDropZone($('#dropzone'));
}

function initDropZone(zone) {
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  zone.addEventListener('dragenter', (e) => { if (hasFiles(e)) { e.preventDefault(); zone.classList.add('dragover'); } });
  zone.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
  zone.addEventListener('dragleave', (e) => { if (!zone.contains(e.relatedTarget)) zone.classList.remove('dragover'); });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragover');
    addFiles([...(e.dataTransfer?.files ?? [])]);
  });
  // A file dropped just beside the zone must not make the browser navigate away from the page.
  window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener('drop', (e) => { if (hasFiles(e)) e.preventDefault(); });
}

function setKeyMessage(text) {
  $('#upload-key-message').textContent = text;
  $('#upload-key').setAttribute('aria-invalid', text ? 'true' : 'false');
}

/** Adds a row per file; without a key the files wait and the key field asks for it. */
function addFiles(files) {
  if (!files.length) return;
  const list = $('#upload-results');
  for (const file of files) {
    const item = { file, row: null };
    item.row = uploadRow(file);
    list.append(item.row);
    queue.push(item);
    setOutcome(item, currentKey() ? 'queued' : 'waiting');
  }
  if (!currentKey()) {
    setKeyMessage('Enter the API key to start the upload.');
    $('#upload-key').focus();
    return;
  }
  pump();
}

function uploadRow(file) {
  return h('li', { class: 'upload-result', dataset: { outcome: 'queued' } },
    h('div', { class: 'upload-line' },
      h('span', { class: 'upload-name', text: file.name }),
      h('span', { class: 'upload-size', text: formatBytes(file.size) })),
    h('progress', { class: 'upload-progress', max: 1, value: 0, 'aria-label': `Upload progress for ${file.name}` }),
    h('p', { class: 'upload-status' },
      h('span', { class: 'upload-outcome' }),
      h('span', { class: 'upload-reason' }),
      h('a', { class: 'upload-link', hidden: true, text: 'Open document' })));
}

function setOutcome(item, outcome, reason = '') {
  item.row.dataset.outcome = outcome;
  item.row.querySelector('.upload-outcome').textContent = OUTCOME_LABELS[outcome] ?? outcome;
  item.row.querySelector('.upload-reason').textContent = reason ? ` — ${reason}` : '';
  const progress = item.row.querySelector('progress');
  if (outcome === 'processing') progress.removeAttribute('value'); // indeterminate while the server extracts
  if (!['queued', 'waiting', 'uploading', 'processing'].includes(outcome)) progress.hidden = true;
}

function resumeWaiting() {
  if (!currentKey()) return;
  setKeyMessage('');
  for (const item of queue) if (item.row.dataset.outcome === 'waiting') setOutcome(item, 'queued');
  pump();
}

/** Starts queued uploads while fewer than CONCURRENCY are running (and the server has not asked for a pause). */
function pump() {
  const pause = pausedUntil - Date.now();
  if (pause > 0) {
    clearTimeout(resumeTimer);
    resumeTimer = setTimeout(pump, pause);
    return;
  }
  while (running < CONCURRENCY) {
    const item = queue.find((i) => i.row.dataset.outcome === 'queued');
    if (!item) return;
    running += 1;
    setOutcome(item, 'uploading');
    send(item, currentKey()).finally(() => { running -= 1; pump(); });
  }
}

function send(item, key) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/documents'));
    xhr.setRequestHeader('Authorization', `Bearer ${key}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) item.row.querySelector('progress').value = e.loaded / e.total;
    });
    xhr.upload.addEventListener('load', () => setOutcome(item, 'processing'));
    xhr.addEventListener('load', () => { handleResponse(item, xhr.status, parseJson(xhr.responseText), xhr.getResponseHeader('Retry-After')); resolve(); });
    xhr.addEventListener('error', () => { setOutcome(item, 'error', 'The server could not be reached.'); resolve(); });
    xhr.addEventListener('abort', () => { setOutcome(item, 'error', 'Upload cancelled.'); resolve(); });
    const form = new FormData();
    form.append('file', item.file, item.file.name);
    xhr.send(form);
  });
}

function parseJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}

function handleResponse(item, status, body, retryAfter) {
  // Too many writes: a big drop of files must not fail half-way. Queue the file again and pause
  // every upload for as long as the server asks (Retry-After), then carry on.
  if (status === 429) {
    const seconds = retryAfterSeconds(retryAfter);
    pausedUntil = Math.max(pausedUntil, Date.now() + seconds * 1000);
    item.row.querySelector('progress').value = 0;
    setOutcome(item, 'queued');
    const reason = `the server asked for a pause; retrying in ${seconds} s`;
    for (const i of queue) if (i.row.dataset.outcome === 'queued') setOutcome(i, 'queued', reason);
    return;
  }
  if (status === 401 || status === 403) {
    rejectKey(body?.detail || 'The API key was not accepted.');
    setOutcome(item, 'waiting');
    return;
  }
  const results = Array.isArray(body?.results) ? body.results : [];
  const result = results.find((r) => r.file === item.file.name) ?? results[0];
  if (status >= 200 && status < 300 && result) {
    setOutcome(item, result.outcome ?? 'error', result.reason ?? '');
    showDocLink(item, result.id);
    if (String(result.outcome).startsWith('indexed')) callbacks.onUploaded();
    return;
  }
  // A single file the archive will not take comes back as 413, 415 or 422 with the reason in
  // "detail" ("name.pdf: encrypted PDF, password required"): that is a rejection, not a failure.
  if (REJECTED_STATUSES.includes(status)) {
    setOutcome(item, 'rejected', rejectionReason(item.file.name, status, body));
    return;
  }
  setOutcome(item, 'error', body?.detail || body?.title || `HTTP ${status}`);
}

const REJECTED_STATUSES = [413, 415, 422];

/** Retry-After in seconds (a number or an HTTP date), kept between 1 s and 2 min; 10 s if absent. */
function retryAfterSeconds(header) {
  const value = String(header ?? '').trim();
  let seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) seconds = 10;
  return Math.min(120, Math.max(1, Math.ceil(seconds)));
}

function rejectionReason(name, status, body) {
  const detail = typeof body?.detail === 'string' ? body.detail : '';
  if (detail) return detail.startsWith(`${name}: `) ? detail.slice(name.length + 2) : detail;
  return status === 413 ? 'the file is larger than the server accepts' : (body?.title || `HTTP ${status}`);
}

/** A bad key: forget it, park the remaining files and ask again. */
function rejectKey(message) {
  storeKey('');
  for (const i of queue) if (i.row.dataset.outcome === 'queued') setOutcome(i, 'waiting');
  setKeyMessage(`${message} Enter a valid key to continue.`);
  $('#upload-key').select();
  $('#upload-key').focus();
}

function showDocLink(item, id) {
  if (!id) return;
  const link = item.row.querySelector('.upload-link');
  const url = new URL(window.location.pathname, window.location.origin);
  url.searchParams.set('doc', id);
  link.href = url.href;
  link.hidden = false;
}

/** Removes finished rows (keeps queued, waiting and running ones). */
function clearFinished() {
  const unfinished = ['queued', 'waiting', 'uploading', 'processing'];
  for (let i = queue.length - 1; i >= 0; i -= 1) {
    if (!unfinished.includes(queue[i].row.dataset.outcome)) {
      queue[i].row.remove();
      queue.splice(i, 1);
    }
  }
}
