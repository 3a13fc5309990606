// Signing keys: their life (published, active, retired) and, with keys:write, a rotation.
import { WRITE_KEYS, call } from './api.js';
import { h, problemBox, replace, table, time } from './dom.js';
import { may } from './session.js';

export async function render(container) {
  const listing = h('div');
  const outcome = h('div', { 'aria-live': 'polite', class: 'outcome' });
  async function load() {
    const answer = await call('GET', '/api/v1/signing-keys');
    replace(listing, answer.ok
      ? table('Signing keys', ['Key id', 'Algorithm', 'Status', 'Created', 'Activated', 'Retired'],
        answer.body.items.map((key) => [h('code', {}, key.kid), key.alg, key.status, time(key.createdAt),
          time(key.activatedAt), time(key.retiredAt)]))
      : problemBox(answer.message));
  }
  const rotate = may(WRITE_KEYS) ? h('button', { type: 'button', onclick: async () => {
    const answer = await call('POST', '/api/v1/signing-keys/rotate');
    replace(outcome, answer.ok
      ? h('p', { class: 'good', role: 'status' }, 'A new key is published; it signs once every verifier has had ',
        'time to fetch it, and the old key stays in the JWKS until its last token expires.')
      : problemBox(answer.message));
    load();
  } }, 'Rotate signing key') : null;
  replace(container, h('h2', {}, 'Signing keys'), rotate, outcome, listing);
  await load();
}
