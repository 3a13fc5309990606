// The signed-in admin client: its token lives in this module's memory only (never a cookie, web storage or a URL),
// and is dropped, with a message, when it expires or the service stops accepting it.

let current = null;
let expiryTimer = null;
const listeners = new Set();

export function onChange(listener) {
  listeners.add(listener);
}

export async function signIn(clientId, clientSecret) {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body,
    cache: 'no-store',
    credentials: 'omit',
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401) throw new Error('The client id or secret was not accepted.');
    if (response.status === 429) throw new Error('Too many failed attempts from this address: wait a minute.');
    throw new Error(answer.error_description || answer.error || `Sign-in failed (${response.status}).`);
  }
  const permissions = new Set((answer.scope || '').split(' ').filter(Boolean));
  // expires_in is RECOMMENDED, not required (RFC 6749 5.1): without it, assume the shortest lifetime Keyledger issues.
  const lifetimeMs = (Number(answer.expires_in) || 300) * 1000;
  current = { clientId, token: answer.access_token, permissions, expiresAt: Date.now() + lifetimeMs };
  clearTimeout(expiryTimer);
  expiryTimer = setTimeout(() => end('Your session expired: sign in again.'), lifetimeMs);
  listeners.forEach((listener) => listener(current, null));
}

export function end(message) {
  clearTimeout(expiryTimer);
  current = null;
  listeners.forEach((listener) => listener(null, message));
}

export function signedIn() {
  return current;
}

export function bearer() {
  return current ? `Bearer ${current.token}` : null;
}

/** Whether the token carries the permission: views show only the actions it allows. */
export function may(permission) {
  return current !== null && current.permissions.has(permission);
}
