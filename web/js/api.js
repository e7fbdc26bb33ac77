// Talks to the v1 JSON API. Each "channel" (search, timeline, doc, …) keeps
// at most one request in flight: starting a new one aborts the stale one, so
// a slow old response can never overwrite a newer one.

export const API_BASE = '/api/v1';

/** An API failure carrying the problem+json fields the page shows to the user. */
export class ApiError extends Error {
  constructor({ title, detail, status, type } = {}) {
    super(detail || title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.title = title || (status ? `Request failed (${status})` : 'Request failed');
    this.detail = detail || '';
    this.status = status ?? 0;
    this.type = type ?? '';
  }
}

export const isAbort = (e) => e?.name === 'AbortError';

export function apiUrl(path, params) {
  const query = params ? params.toString() : '';
  return `${API_BASE}${path}${query ? `?${query}` : ''}`;
}

export function absoluteApiUrl(path, params) {
  return new URL(apiUrl(path, params), window.location.href).href;
}

const inflight = new Map();

/** Aborts whatever is running on a channel (e.g. when a panel closes). */
export function abortChannel(channel) {
  inflight.get(channel)?.abort();
  inflight.delete(channel);
}

/** GETs JSON. Throws ApiError for HTTP/network failures and AbortError when superseded. */
export async function getJson(path, params, channel) {
  const controller = new AbortController();
  if (channel) {
    inflight.get(channel)?.abort();
    inflight.set(channel, controller);
  }
  try {
    const response = await fetchOrExplain(apiUrl(path, params), controller.signal);
    const body = await readBody(response);
    if (!response.ok) throw problemError(response, body);
    return body;
  } finally {
    if (channel && inflight.get(channel) === controller) inflight.delete(channel);
  }
}

async function fetchOrExplain(url, signal) {
  try {
    return await fetch(url, { signal, headers: { Accept: 'application/json, application/problem+json' } });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError({ title: 'Server unreachable', detail: 'The archive server did not answer. Check your connection and try again.' });
  }
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

/** Builds an ApiError from a problem+json body (or whatever the server sent). */
export function problemError(response, body) {
  const problem = body && typeof body === 'object' ? body : {};
  return new ApiError({
    title: typeof problem.title === 'string' ? problem.title : response.statusText,
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    status: typeof problem.status === 'number' ? problem.status : response.status,
    type: typeof problem.type === 'string' ? problem.type : '',
  });
}

/** Quotes an argument for a POSIX shell (for "copy as curl"). */
export function shellQuote(value) {
  return `'${String(value).replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(path, params) {
  return `curl -sS -H ${shellQuote('Accept: application/json')} ${shellQuote(absoluteApiUrl(path, params))}`;
}
