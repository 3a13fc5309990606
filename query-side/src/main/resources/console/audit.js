// The global audit trail with every filter of the API, its NDJSON download, and the hash chain's verification.
import { call } from './api.js';
import { field, h, problemBox, replace, table, time } from './dom.js';

const PAGE = 50;

export async function render(container) {
  const type = h('input', { name: 'type', placeholder: 'e.g. client.registered' });
  const aggregateId = h('input', { name: 'aggregateId' });
  const from = h('input', { type: 'datetime-local', step: 1, name: 'from' });
  const to = h('input', { type: 'datetime-local', step: 1, name: 'to' });
  const results = h('div', { 'aria-live': 'polite' });
  const downloads = h('div', { 'aria-live': 'polite' });
  const positions = [0];

  function query(after) {
    const params = new URLSearchParams();
    if (after !== undefined) params.set('after', after);
    if (type.value) params.set('type', type.value.trim());
    if (aggregateId.value) params.set('aggregateId', aggregateId.value.trim());
    if (from.value) params.set('from', new Date(from.value).toISOString());
    if (to.value) params.set('to', new Date(to.value).toISOString());
    return params;
  }

  async function load() {
    const params = query(positions[positions.length - 1]);
    params.set('limit', PAGE);
    const answer = await call('GET', `/api/v1/audit/events?${params}`);
    if (!answer.ok) {
      replace(results, problemBox(answer.message));
      return;
    }
    const { items, next } = answer.body;
    replace(results,
      table('Audit events', ['Position', 'When', 'Type', 'Aggregate', 'Actor', 'Correlation id'],
        items.map((event) => [event.globalPosition, time(event.occurredAt), event.type,
          event.aggregateType === 'client'
            ? h('a', { href: `#/clients/${encodeURIComponent(event.aggregateId)}` }, event.aggregateId)
            : `${event.aggregateType} ${event.aggregateId}`,
          h('code', {}, event.actor), h('code', {}, event.correlationId || '—')])),
      h('nav', { 'aria-label': 'Pages of the audit trail' },
        h('button', { type: 'button', class: 'secondary', disabled: positions.length === 1,
          onclick: () => { positions.pop(); load(); } }, 'Previous page'),
        h('button', { type: 'button', class: 'secondary', disabled: next === null || items.length < PAGE,
          onclick: () => { positions.push(next); load(); } }, 'Next page')));
  }

  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the audit trail' },
    field('Event type', type), field('Aggregate id', aggregateId), field('From (inclusive)', from),
    field('To (exclusive)', to), h('button', { type: 'submit' }, 'Filter'),
    h('button', { type: 'button', class: 'secondary', onclick: () => download(`/api/v1/audit/events?${query()}`,
      'keyledger-audit.ndjson') }, 'Download as NDJSON'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    positions.splice(1);
    load();
  });

  let savedUrl = null;
  async function download(url, name) {
    replace(downloads, h('p', { role: 'status' }, `Preparing ${name}…`));
    const answer = await call('GET', url, { accept: 'application/x-ndjson' });
    if (!answer.ok) {
      replace(downloads, problemBox(answer.message));
      return;
    }
    if (savedUrl) URL.revokeObjectURL(savedUrl);
    savedUrl = URL.createObjectURL(answer.body);
    const link = h('a', { href: savedUrl, download: name, class: 'download' },
      `Save ${name} (${answer.body.size} bytes)`);
    replace(downloads, h('p', { role: 'status' }, link));
    link.click();
  }

  const verification = h('div', { 'aria-live': 'polite' });
  async function verify() {
    replace(verification, h('p', {}, 'Recomputing the chain over every event…'));
    const answer = await call('GET', '/api/v1/audit/verify');
    if (!answer.ok) {
      replace(verification, problemBox(answer.message));
      return;
    }
    const result = answer.body;
    replace(verification,
      h('p', { class: result.intact ? 'good verdict' : 'problem verdict', role: 'status' }, result.intact
        ? `Intact: ${result.checkedEvents} events chain up to the head hash.`
        : `Broken at position ${result.firstBrokenPosition}: the stored history differs from what was chained.`),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Checked events'), h('dd', {}, result.checkedEvents),
        h('dt', {}, 'Not yet linked'), h('dd', {}, result.unlinkedEvents ?? '—'),
        h('dt', {}, 'Head hash'), h('dd', { class: 'mono head-hash' }, result.headHash || '—')),
      h('p', {}, 'Keep the head hash where Keyledger cannot write (a ticket, a signed commit, an e-mail to the ',
        'auditors). A later verification that is intact and still contains this history proves nothing up to it ',
        'was changed since. For proof without Keyledger, download the evidence and run ',
        h('code', {}, 'scripts/verify-audit-evidence.py EVIDENCE.ndjson AUDIT-KEYS.json'),
        ' against the published audit keys.'),
      h('button', { type: 'button', class: 'secondary',
        onclick: () => download('/api/v1/audit/evidence', 'keyledger-evidence.ndjson') }, 'Download evidence'));
  }

  replace(container, h('h2', {}, 'Audit'),
    h('section', { 'aria-labelledby': 'verify-title' }, h('h3', { id: 'verify-title' }, 'Chain verification'),
      h('button', { type: 'button', onclick: verify }, 'Verify the chain'), verification),
    h('section', { 'aria-labelledby': 'trail-title' }, h('h3', { id: 'trail-title' }, 'Every event'),
      filters, downloads, results));
  await load();
}
