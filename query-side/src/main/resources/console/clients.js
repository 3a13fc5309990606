// The clients list: search, status and role filters, paging, and registration (the secret shown once).
import { READ_ROLES, WRITE_CLIENTS, call } from './api.js';
import { field, h, problemBox, replace, table, time } from './dom.js';
import { may } from './session.js';

const PAGE_SIZE = 20;

export async function render(container) {
  const state = { q: '', status: '', role: '', page: 0 };
  const results = h('div', { 'aria-live': 'polite' });
  const search = h('input', { type: 'search', name: 'q', placeholder: 'part of a name' });
  const status = h('select', { name: 'status' },
    ['', 'ACTIVE', 'DISABLED', 'DELETED'].map((value) => h('option', { value }, value || 'any')));
  const role = h('select', { name: 'role' }, h('option', { value: '' }, 'any'));
  if (may(READ_ROLES)) {
    const roles = await call('GET', '/api/v1/roles?size=200');
    if (roles.ok) roles.body.items.forEach((item) => role.append(h('option', { value: item.name }, item.name)));
  }
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter clients' },
    field('Name contains', search), field('Status', status), field('Role', role),
    h('button', { type: 'submit' }, 'Search'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(state, { q: search.value, status: status.value, role: role.value, page: 0 });
    load();
  });

  async function load() {
    const query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
    for (const name of ['q', 'status', 'role']) if (state[name]) query.set(name, state[name]);
    const answer = await call('GET', `/api/v1/clients?${query}`);
    if (!answer.ok) {
      replace(results, problemBox(answer.message));
      return;
    }
    const { items, total, page } = answer.body;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    replace(results,
      table(`Clients (${total})`, ['Name', 'Client id', 'Status', 'Roles', 'Updated'],
        items.map((client) => [
          h('a', { href: `#/clients/${encodeURIComponent(client.clientId)}` }, client.name),
          h('code', {}, client.clientId),
          h('span', { class: `status-${client.status}` }, client.status),
          client.roles.join(', ') || '—',
          time(client.updatedAt)])),
      h('nav', { 'aria-label': 'Pages of clients' },
        h('button', { type: 'button', class: 'secondary', disabled: page === 0,
          onclick: () => { state.page -= 1; load(); } }, 'Previous page'),
        ` Page ${page + 1} of ${pages} `,
        h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages,
          onclick: () => { state.page += 1; load(); } }, 'Next page')));
  }

  replace(container, h('h2', {}, 'Clients'),
    may(WRITE_CLIENTS) ? registration(load) : null,
    filters, results);
  await load();
}

function registration(reload) {
  const name = h('input', { name: 'name', required: true, maxlength: 200 });
  const description = h('textarea', { name: 'description', maxlength: 2000, rows: 2 });
  const roles = h('input', { name: 'roles', placeholder: 'role names, comma-separated' });
  const ttl = h('input', { name: 'ttl', type: 'number', min: 60, max: 86400, value: 3600 });
  const audiences = h('input', { name: 'audiences', placeholder: 'absolute URIs, comma-separated' });
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = h('form', { 'aria-label': 'Register a client' },
    field('Name', name), field('Description', description), field('Roles', roles),
    field('Token lifetime (seconds)', ttl), field('Allowed audiences', audiences),
    h('button', { type: 'submit' }, 'Register'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const json = { name: name.value, accessTokenTtlSeconds: Number(ttl.value), roles: list(roles.value),
      allowedAudiences: list(audiences.value) };
    if (description.value) json.description = description.value;
    const answer = await call('POST', '/api/v1/clients', { json });
    if (!answer.ok) {
      replace(outcome, problemBox(answer.message));
      return;
    }
    form.reset();
    replace(outcome, secretOnce(answer.body.clientSecret, `Client ${answer.body.name} registered`,
      answer.body.clientId));
    reload();
  });
  return h('details', { class: 'register' }, h('summary', {}, 'Register a client'), form, outcome);
}

export function list(text) {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/** A new secret: shown this once, with a copy button and the warning that it cannot be shown again. */
export function secretOnce(secret, title, clientId) {
  const value = h('input', { readonly: true, value: secret, class: 'mono', 'aria-label': 'The new secret' });
  const copied = h('span', { role: 'status' });
  const copy = h('button', { type: 'button', onclick: async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.textContent = 'Copied to the clipboard.';
    } catch (e) {
      value.select();
      copied.textContent = 'The browser refused the clipboard: the secret is selected, press Ctrl+C.';
    }
  } }, 'Copy secret');
  return h('div', { class: 'secret-once', role: 'region', 'aria-label': 'New secret' },
    h('h3', {}, title),
    clientId ? h('p', {}, 'Client id: ', h('code', { class: 'new-client-id' }, clientId)) : null,
    h('p', { class: 'warning' }, 'This secret is shown once and never again: Keyledger keeps only its hash. ',
      'Copy it into your secret store now.'),
    value, copy, copied);
}
