// The admin API as the console calls it: JSON in and out, If-Match on writes, and every refusal turned into a
// sentence an operator can act on.
import { bearer, end } from './session.js';

export const READ_CLIENTS = 'keyledger:clients:read';
export const WRITE_CLIENTS = 'keyledger:clients:write';
export const READ_ROLES = 'keyledger:roles:read';
export const WRITE_ROLES = 'keyledger:roles:write';
export const READ_AUDIT = 'keyledger:audit:read';
export const WRITE_KEYS = 'keyledger:keys:write';

export async function call(method, path, { json, ifMatch, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const authorization = bearer();
  if (authorization) headers.Authorization = authorization;
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: json === undefined ? undefined : JSON.stringify(json), cache: 'no-store',
      credentials: 'omit',
    });
  } catch (e) {
    return { status: 0, ok: false, body: null, message: 'The service did not answer: check the connection.' };
  }
  if (response.status === 401) {
    end('The service no longer accepts your token (expired, revoked or the client was disabled): sign in again.');
  }
  const type = response.headers.get('Content-Type') || '';
  // A refused download still explains itself: its problem document is read as JSON, never kept as a file.
  const body = (accept === 'application/json' || !response.ok) && type.includes('json')
    ? await response.json().catch(() => null)
    : await response.blob();
  const answer = { status: response.status, ok: response.ok, body, etag: response.headers.get('ETag') };
  answer.message = response.ok ? null : explain(answer);
  return answer;
}

function explain({ status, body }) {
  const detail = body && body.detail ? body.detail : '';
  const fields = body && Array.isArray(body.errors)
    ? ' ' + body.errors.map((error) => `${error.field}: ${error.message}`).join('; ')
    : '';
  switch (status) {
    case 403: return `Not allowed: your client lacks the permission for this (${detail || 'forbidden'}).`;
    case 404: return `Not found: ${detail || 'it does not exist'}.`;
    case 409: return `Refused: ${detail}`;
    case 412: return 'Changed by someone else since you loaded it — reload and try again.';
    case 400: case 422: return `Not accepted: ${detail}${fields}`;
    case 503: return `The service is busy or catching up: ${detail || 'try again shortly'}.`;
    default: return `The service answered ${status}: ${detail || 'no detail'}.`;
  }
}

export function path(strings, ...values) {
  return strings.reduce((out, text, i) => out + text + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
}
