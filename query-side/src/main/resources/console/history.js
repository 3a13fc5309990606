// A client's history as a timeline (who, when, what, correlation id), each entry opening into a diff of the client's
// state before and after it, and the client's whole state at any past instant (the API's asOf).
import { call, path } from './api.js';
import { field, h, problemBox, replace, time } from './dom.js';

export async function render(section, clientId) {
  section.dataset.clientId = clientId;
  const base = path`/api/v1/clients/${clientId}`;
  const answer = await call('GET', `${base}/events`);
  if (!answer.ok) {
    replace(section, h('h3', { id: 'history-title' }, 'History'), problemBox(answer.message));
    return;
  }
  const events = answer.body.items;
  const stateAt = (instant) => call('GET', `${base}?asOf=${encodeURIComponent(instant)}`);
  replace(section, h('h3', { id: 'history-title' }, 'History'),
    asOfView(events, stateAt),
    timeline(events, stateAt));
}

export function refresh(section) {
  if (section.dataset.clientId) render(section, section.dataset.clientId);
}

/** The timeline, newest first; {@code stateAt} (optional) reads the aggregate's state at an instant for the diff. */
export function timeline(events, stateAt) {
  return h('ol', { class: 'timeline', 'aria-label': 'Events, newest first' },
    [...events].reverse().map((event) => {
      const index = events.indexOf(event);
      const diff = h('div', { 'aria-live': 'polite' });
      return h('li', { class: 'event', dataset: { type: event.type } },
        h('strong', {}, event.type), ' — ', time(event.occurredAt), ' by ', h('code', {}, event.actor),
        h('div', {}, 'Correlation id: ', h('code', {}, event.correlationId || '—'), ` · sequence ${event.sequence}`,
          ` · position ${event.globalPosition ?? '—'}`),
        payload(event.payload),
        stateAt ? h('button', { type: 'button', class: 'secondary',
          'aria-label': `Show the state change of ${event.type} at ${event.occurredAt}`,
          onclick: async () => replace(diff, await stateDiff(stateAt, events[index - 1], event)) },
        'Show state change') : null,
        diff);
    }));
}

function payload(data) {
  const entries = Object.entries(data || {});
  if (entries.length === 0) return null;
  return h('dl', { class: 'facts' }, entries.map(([name, value]) =>
    [h('dt', {}, name), h('dd', { class: 'mono' }, JSON.stringify(value))]));
}

async function stateDiff(stateAt, previous, event) {
  const after = await stateAt(event.occurredAt);
  const before = previous ? await stateAt(previous.occurredAt) : { ok: true, body: {} };
  if (!after.ok || !before.ok) return problemBox((after.ok ? before : after).message);
  const names = [...new Set([...Object.keys(before.body), ...Object.keys(after.body)])]
    .filter((name) => JSON.stringify(before.body[name]) !== JSON.stringify(after.body[name]));
  return h('table', { class: 'diff' }, h('caption', {}, 'State before and after this event'),
    h('thead', {}, h('tr', {}, ['Field', 'Before', 'After'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, names.map((name) => h('tr', {}, h('th', { scope: 'row' }, name),
      h('td', { class: 'mono diff-removed' }, show(before.body[name])),
      h('td', { class: 'mono diff-added' }, show(after.body[name]))))));
}

function show(value) {
  return value === undefined ? '—' : JSON.stringify(value);
}

function asOfView(events, stateAt) {
  const output = h('div', { 'aria-live': 'polite', class: 'as-of-state' });
  const slider = h('input', { type: 'range', min: 0, max: Math.max(0, events.length - 1),
    value: Math.max(0, events.length - 1), name: 'as-of-event',
    'aria-valuetext': events.length ? events[events.length - 1].occurredAt : '' });
  const picker = h('input', { type: 'datetime-local', step: 1, name: 'as-of-time' });
  const label = h('p', {});
  async function showAt(instant, describe) {
    replace(label, describe);
    const answer = await stateAt(instant);
    if (!answer.ok) {
      replace(output, problemBox(answer.message));
      return;
    }
    const state = answer.body;
    replace(output, h('dl', { class: 'facts' },
      ['status', 'name', 'roles', 'permissions', 'allowedAudiences', 'accessTokenTtlSeconds', 'version']
        .map((name) => [h('dt', {}, name), h('dd', { class: `as-of-${name}` }, show(state[name]))]),
      h('dt', {}, 'secrets'), h('dd', { class: 'as-of-secrets' },
        state.secrets.map((secret) => `${secret.slot} …${secret.hint}`).join(', ') || 'none')));
  }
  slider.addEventListener('input', () => {
    const event = events[Number(slider.value)];
    slider.setAttribute('aria-valuetext', `${event.type} at ${event.occurredAt}`);
    showAt(event.occurredAt, `Just after ${event.type} (${event.occurredAt}):`);
  });
  const form = h('form', { class: 'filters', 'aria-label': 'State at a chosen instant' }, field('Instant (your time zone)', picker),
    h('button', { type: 'submit' }, 'Show state then'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (picker.value) {
      const instant = new Date(picker.value).toISOString();
      showAt(instant, `At ${instant}:`);
    }
  });
  return h('div', { class: 'as-of' }, h('h4', {}, 'State at a past instant'),
    field('Move through the history, event by event', slider), form, label, output);
}
