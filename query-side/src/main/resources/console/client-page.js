// One client: its state, its secrets (last use updated live), and every write, each sent with If-Match of the
// version on screen, so that a change made meanwhile by someone else is refused and explained, never overwritten.
import { READ_AUDIT, READ_ROLES, WRITE_CLIENTS, call, path } from './api.js';
import { field, h, problemBox, replace, table, time } from './dom.js';
import { may } from './session.js';
import { list, secretOnce } from './clients.js';
import * as history from './history.js';
import * as activity from './activity.js';

const LIVE_EVERY_MS = 5000;

export async function render(container, clientId) {
  const base = path`/api/v1/clients/${clientId}`;
  const first = await call('GET', base);
  if (!first.ok) {
    replace(container, h('h2', {}, 'Client'), problemBox(first.message));
    return null;
  }
  let client = first.body;
  const heading = h('h2', {});
  const facts = h('section', { 'aria-labelledby': 'facts-title' });
  const secrets = h('section', { 'aria-labelledby': 'secrets-title' });
  const writes = h('div');
  const outcome = h('div', { 'aria-live': 'polite', class: 'outcome' });
  const stale = h('div', { 'aria-live': 'polite' });
  const historySection = h('section', { 'aria-labelledby': 'history-title' });
  const activitySection = h('section', { 'aria-labelledby': 'activity-title' });

  function show(next) {
    client = next;
    replace(heading, client.name, ' ', h('span', { class: `status-${client.status}` }, `(${client.status})`));
    replace(facts, h('h3', { id: 'facts-title' }, 'State'), h('dl', { class: 'facts' },
      fact('Client id', h('code', {}, client.clientId)),
      fact('Status', client.status),
      fact('Description', client.description || '—'),
      fact('Roles', client.roles.join(', ') || 'none'),
      fact('Effective permissions', client.permissions.join(' ') || 'none'),
      fact('Allowed audiences', client.allowedAudiences.join(', ') || 'none (the issuer only)'),
      fact('Token lifetime', `${client.accessTokenTtlSeconds} s`),
      fact('Version', h('span', { class: 'version' }, client.version)),
      fact('Created', time(client.createdAt)), fact('Updated', time(client.updatedAt))));
    replace(secrets, h('h3', { id: 'secrets-title' }, 'Secrets'),
      table('Secrets (last use updated every few seconds)',
        ['Slot', 'Hint', 'Created', 'Expires', 'Last used', ''],
        client.secrets.map((secret) => [secret.slot, h('code', {}, `…${secret.hint}`), time(secret.createdAt),
          time(secret.expiresAt), h('span', { class: 'last-used', dataset: { secret: secret.secretId } },
            time(secret.lastUsedAt)),
          secretActions(secret)])));
    replace(writes, may(WRITE_CLIENTS) && client.status !== 'DELETED' ? writeForms() : null);
    replace(stale);
  }

  async function write(method, suffix, done, { json, force } = {}) {
    const answer = await call(method, base + suffix + (force ? '?force=true' : ''), { json, ifMatch: client.version });
    if (!answer.ok) {
      replace(outcome, problemBox(answer.message));
      return null;
    }
    replace(outcome, h('p', { class: 'good', role: 'status' }, done));
    show(answer.body.client || answer.body);
    history.refresh(historySection);
    return answer.body;
  }

  function secretActions(secret) {
    if (!may(WRITE_CLIENTS) || secret.slot !== 'SECONDARY' || client.status === 'DELETED') return '';
    return h('span', {},
      h('button', { type: 'button', onclick: () => write('POST', path`/secrets/${secret.secretId}/promote`,
        'Promoted: it is the primary now; the former primary is the secondary and still works until deleted.') },
        'Promote to primary'),
      h('button', { type: 'button', class: 'danger', onclick: () => deleteSecret(secret) }, 'Delete secret'));
  }

  async function deleteSecret(secret) {
    const answer = await call('DELETE', base + path`/secrets/${secret.secretId}`, { ifMatch: client.version });
    if (answer.ok) {
      replace(outcome, h('p', { class: 'good', role: 'status' }, 'Secret deleted.'));
      show(answer.body);
      history.refresh(historySection);
      return;
    }
    if (answer.status !== 409 || !String(answer.body?.type || '').endsWith('/secret-recently-used')) {
      replace(outcome, problemBox(answer.message));
      return;
    }
    // The recent-use guard: a machine may still hold this secret; forcing is possible, deliberately.
    const confirmation = h('input', { name: 'confirm-name', autocomplete: 'off' });
    const force = h('button', { type: 'button', class: 'danger', disabled: true,
      onclick: () => write('DELETE', path`/secrets/${secret.secretId}`, 'Secret deleted.', { force: true }) },
      'Delete anyway');
    confirmation.addEventListener('input', () => { force.disabled = confirmation.value !== client.name; });
    replace(outcome, h('div', { class: 'warning', role: 'alert' },
      h('p', {}, answer.body.detail),
      h('p', {}, 'A secret used within the last minutes is probably still configured somewhere: deleting it now ',
        'would make that machine fail. Promote the other secret and wait until this one is no longer used, or ',
        'type the client\'s name to delete it anyway.'),
      field(`Type "${client.name}" to confirm`, confirmation), force));
  }

  function writeForms() {
    const hasSecondary = client.secrets.some((secret) => secret.slot === 'SECONDARY');
    const expires = h('input', { type: 'datetime-local', name: 'expiresAt' });
    const addSecondary = h('form', { 'aria-label': 'Add a secondary secret' },
      field('Expires (optional)', expires),
      h('button', { type: 'submit', disabled: hasSecondary }, 'Add secondary secret'));
    addSecondary.addEventListener('submit', async (event) => {
      event.preventDefault();
      const json = expires.value ? { expiresAt: new Date(expires.value).toISOString() } : undefined;
      const created = await write('POST', '/secrets', 'Secondary secret added.', { json });
      if (created) outcome.append(secretOnce(created.clientSecret, 'New secondary secret'));
    });
    const rotate = h('button', { type: 'button', disabled: hasSecondary, onclick: async () => {
      const created = await write('POST', '/secrets/rotate', 'Rotated: the new secret is the primary.');
      if (created) outcome.append(secretOnce(created.clientSecret, 'New primary secret'));
    } }, 'Rotate in one step');

    const roleSelect = h('select', { name: 'role' });
    if (may(READ_ROLES)) {
      call('GET', '/api/v1/roles?size=200').then((roles) => {
        if (roles.ok) roles.body.items.filter((role) => !client.roles.includes(role.name))
          .forEach((role) => roleSelect.append(h('option', { value: role.name }, role.name)));
      });
    }
    const assign = h('form', { 'aria-label': 'Assign a role', class: 'filters' }, field('Role to assign', roleSelect),
      h('button', { type: 'submit' }, 'Assign role'));
    assign.addEventListener('submit', (event) => {
      event.preventDefault();
      if (roleSelect.value) write('PUT', path`/roles/${roleSelect.value}`, `Role ${roleSelect.value} assigned.`);
    });
    const unassign = client.roles.map((role) => h('button', { type: 'button', class: 'secondary',
      'aria-label': `Unassign role ${role}`, onclick: () => write('DELETE', path`/roles/${role}`, `Role ${role} unassigned.`) },
      `Unassign ${role}`));

    const name = h('input', { name: 'name', value: client.name, required: true, maxlength: 200 });
    const description = h('textarea', { name: 'description', maxlength: 2000, rows: 2 }, client.description || '');
    const ttl = h('input', { name: 'ttl', type: 'number', min: 60, max: 86400, value: client.accessTokenTtlSeconds });
    const audiences = h('input', { name: 'audiences', value: client.allowedAudiences.join(', ') });
    const details = h('form', { 'aria-label': 'Edit details' }, field('Name', name), field('Description', description),
      field('Token lifetime (seconds)', ttl), field('Allowed audiences', audiences),
      h('button', { type: 'submit' }, 'Save details'));
    details.addEventListener('submit', (event) => {
      event.preventDefault();
      write('PATCH', '', 'Details saved.', { json: { name: name.value, description: description.value || null,
        accessTokenTtlSeconds: Number(ttl.value), allowedAudiences: list(audiences.value) } });
    });

    const confirmDelete = h('input', { name: 'confirm-delete', autocomplete: 'off' });
    const remove = h('button', { type: 'button', class: 'danger', disabled: true,
      onclick: () => write('DELETE', '', 'Client deleted: it can never authenticate again.') },
      'Delete client for good');
    confirmDelete.addEventListener('input', () => { remove.disabled = confirmDelete.value !== client.name; });

    return h('section', { 'aria-labelledby': 'actions-title' }, h('h3', { id: 'actions-title' }, 'Actions'),
      h('h4', {}, 'Secrets'), addSecondary, rotate,
      hasSecondary ? h('p', {}, 'A secondary secret exists: promote or delete it before adding or rotating.') : null,
      h('h4', {}, 'Roles'), assign, unassign,
      h('h4', {}, 'Status'),
      client.status === 'ACTIVE'
        ? h('button', { type: 'button', class: 'secondary', onclick: () => write('POST', '/disable', 'Disabled: no token is issued to it.') },
          'Disable')
        : h('button', { type: 'button', onclick: () => write('POST', '/enable', 'Enabled.') }, 'Enable'),
      field(`Type "${client.name}" to delete this client for good`, confirmDelete), remove,
      h('details', {}, h('summary', {}, 'Edit details'), details));
  }

  async function live() {
    const answer = await call('GET', base);
    if (!answer.ok) return;
    if (answer.body.version !== client.version) {
      replace(stale, h('p', { class: 'warning', role: 'status' },
        `Changed by someone else (now version ${answer.body.version}) — `,
        h('button', { type: 'button', onclick: () => show(answer.body) }, 'Reload')));
      return;
    }
    for (const secret of answer.body.secrets) {
      const cell = secrets.querySelector(`[data-secret="${CSS.escape(secret.secretId)}"]`);
      if (cell) replace(cell, time(secret.lastUsedAt));
    }
  }

  replace(container, heading, stale, outcome, facts, secrets, writes, historySection, activitySection);
  show(client);
  if (may(READ_AUDIT)) {
    history.render(historySection, clientId);
    activity.render(activitySection, clientId);
  }
  const timer = setInterval(live, LIVE_EVERY_MS);
  return () => {
    clearInterval(timer);
    activity.leave(activitySection);
  };
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}
