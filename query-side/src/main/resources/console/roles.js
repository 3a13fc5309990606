// Roles: list, create, replace permissions, delete (naming first the clients that will lose it), and history.
import { READ_AUDIT, READ_CLIENTS, WRITE_ROLES, call, path } from './api.js';
import { field, h, problemBox, replace, table, time } from './dom.js';
import { may } from './session.js';
import { timeline } from './history.js';

export async function render(container) {
  const listing = h('div');
  const outcome = h('div', { 'aria-live': 'polite', class: 'outcome' });
  const detail = h('div');

  async function load() {
    const answer = await call('GET', '/api/v1/roles?size=200');
    if (!answer.ok) {
      replace(listing, problemBox(answer.message));
      return;
    }
    replace(listing, table(`Roles (${answer.body.total})`, ['Name', 'Permissions', 'Version', 'Updated', ''],
      answer.body.items.map((role) => [role.name, h('code', {}, role.permissions.join(' ') || '—'), role.version,
        time(role.updatedAt),
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Open role ${role.name}`,
          onclick: () => open(role) }, 'Open')])));
  }

  async function open(role) {
    const parts = [h('h3', {}, `Role ${role.name}`), h('p', {}, role.description || '')];
    if (may(WRITE_ROLES)) {
      const permissions = h('input', { name: 'permissions', value: role.permissions.join(' ') });
      const edit = h('form', { 'aria-label': `Permissions of ${role.name}` },
        field(`New permissions of ${role.name} (space-separated)`, permissions),
        h('button', { type: 'submit' }, 'Save permissions'));
      edit.addEventListener('submit', async (event) => {
        event.preventDefault();
        const answer = await call('PUT', path`/api/v1/roles/${role.name}/permissions`,
          { json: { permissions: permissions.value.split(/\s+/).filter(Boolean) }, ifMatch: role.version });
        report(answer, 'Permissions saved.');
        if (answer.ok) { load(); open(answer.body); }
      });
      parts.push(edit, h('button', { type: 'button', class: 'danger', onclick: () => confirmDelete(role) },
        'Delete role…'));
    }
    if (may(READ_AUDIT)) {
      const answer = await call('GET', path`/api/v1/roles/${role.name}/events`);
      parts.push(h('h4', {}, 'History'), answer.ok ? timeline(answer.body.items) : problemBox(answer.message));
    }
    replace(detail, h('section', { 'aria-label': `Role ${role.name}` }, parts));
  }

  async function confirmDelete(role) {
    let holders = 'unknown (your token cannot read clients)';
    if (may(READ_CLIENTS)) {
      const answer = await call('GET', `/api/v1/clients?size=200&role=${encodeURIComponent(role.name)}`);
      holders = answer.ok
        ? answer.body.items.filter((client) => client.status !== 'DELETED').map((client) => client.name).join(', ')
          || 'none'
        : answer.message;
    }
    replace(outcome, h('div', { class: 'warning', role: 'alert' },
      h('p', {}, `Deleting ${role.name} unassigns it from these clients: `, h('strong', { class: 'holders' }, holders)),
      h('button', { type: 'button', class: 'danger', onclick: async () => {
        const answer = await call('DELETE', path`/api/v1/roles/${role.name}`, { ifMatch: role.version });
        report(answer, `Role ${role.name} deleted.`);
        if (answer.ok) { replace(detail); load(); }
      } }, `Delete ${role.name}`),
      h('button', { type: 'button', class: 'secondary', onclick: () => replace(outcome) }, 'Cancel')));
  }

  function report(answer, success) {
    replace(outcome, answer.ok ? h('p', { class: 'good', role: 'status' }, success) : problemBox(answer.message));
  }

  function creation() {
    const name = h('input', { name: 'name', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{0,63}' });
    const description = h('input', { name: 'description' });
    const permissions = h('input', { name: 'permissions', placeholder: 'e.g. orders:read orders:write' });
    const form = h('form', { 'aria-label': 'Create a role' }, field('Name', name), field('Description', description),
      field('Permissions (space-separated)', permissions), h('button', { type: 'submit' }, 'Create role'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const json = { name: name.value, permissions: permissions.value.split(/\s+/).filter(Boolean) };
      if (description.value) json.description = description.value;
      const answer = await call('POST', '/api/v1/roles', { json });
      report(answer, `Role ${name.value} created.`);
      if (answer.ok) { form.reset(); load(); }
    });
    return h('details', {}, h('summary', {}, 'Create a role'), form);
  }

  replace(container, h('h2', {}, 'Roles'), may(WRITE_ROLES) ? creation() : null, outcome, listing, detail);
  await load();
}
