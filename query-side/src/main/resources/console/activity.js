// A client's token activity from its issuance log: issued, failed and throttled attempts per minute over the last
// hour as a chart drawn in SVG, and the latest attempts with their outcome and reason.
import { call, path } from './api.js';
import { h, problemBox, replace, table, time } from './dom.js';

const PAGE = 1000;
const MAX_PAGES = 20;
const MINUTES = 60;
const REFRESH_MS = 10000;
const OUTCOMES = ['ISSUED', 'FAILED', 'THROTTLED'];
const SVG = 'http://www.w3.org/2000/svg';
const timers = new WeakMap();

export async function render(section, clientId) {
  const chart = h('div');
  const latest = h('div');
  replace(section, h('h3', { id: 'activity-title' }, 'Token activity'), chart, latest);
  // The first read starts an hour back (since); later reads continue after the last position; older records drop.
  let from = `since=${encodeURIComponent(new Date(Date.now() - MINUTES * 60000).toISOString())}`;
  let records = [];
  let loading = false;
  async function load() {
    if (loading) return;
    loading = true;
    try {
      await loadPages();
    } finally {
      loading = false;
    }
  }
  async function loadPages() {
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await call('GET', path`/api/v1/clients/${clientId}/token-events` + `?${from}&limit=${PAGE}`);
      if (!answer.ok) {
        replace(chart, problemBox(answer.message));
        return;
      }
      records.push(...answer.body.items);
      if (answer.body.items.length > 0) from = `after=${answer.body.items[answer.body.items.length - 1].position}`;
      if (answer.body.items.length < PAGE) break;
    }
    const hourAgo = Date.now() - MINUTES * 60000;
    records = records.filter((record) => Date.parse(record.at) >= hourAgo);
    replace(chart, drawChart(records));
    replace(latest, table('Latest attempts', ['When', 'Outcome', 'Reason', 'Slot', 'Source address'],
      records.slice(-20).reverse().map((record) => [time(record.at), h('span', { class: 'outcome' }, record.outcome),
        record.reason || '—', record.slot || '—', record.sourceAddress || '—'])));
  }
  // Set before the first read finishes, so that leaving the page meanwhile stops it.
  timers.set(section, setInterval(load, REFRESH_MS));
  await load();
}

export function leave(section) {
  clearInterval(timers.get(section));
}

function drawChart(records) {
  const now = Date.now();
  const start = now - MINUTES * 60000;
  const buckets = Array.from({ length: MINUTES }, () => ({ ISSUED: 0, FAILED: 0, THROTTLED: 0 }));
  for (const record of records) {
    const at = Date.parse(record.at);
    if (at >= start) buckets[Math.min(MINUTES - 1, Math.floor((at - start) / 60000))][record.outcome] += 1;
  }
  const totals = Object.fromEntries(OUTCOMES.map((outcome) =>
    [outcome, buckets.reduce((sum, bucket) => sum + bucket[outcome], 0)]));
  const highest = Math.max(1, ...buckets.map((bucket) => OUTCOMES.reduce((sum, o) => sum + bucket[o], 0)));
  const width = 600;
  const height = 160;
  const bar = width / MINUTES;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height + 20}`, class: 'chart', role: 'img',
    'aria-label': `Token requests per minute over the last hour: ${totals.ISSUED} issued, `
      + `${totals.FAILED} failed, ${totals.THROTTLED} throttled` });
  buckets.forEach((bucket, i) => {
    let y = height;
    for (const outcome of OUTCOMES) {
      const size = (bucket[outcome] / highest) * height;
      if (size > 0) {
        y -= size;
        svg.append(svgElement('rect', { x: i * bar + 1, y, width: bar - 2, height: size,
          class: outcome.toLowerCase() }));
      }
    }
  });
  svg.append(svgElement('line', { x1: 0, y1: height, x2: width, y2: height, stroke: '#57606a' }));
  svg.append(svgText(0, height + 15, '60 min ago'), svgText(width - 30, height + 15, 'now'),
    svgText(0, 12, `${highest}/min`));
  return h('figure', {}, svg, h('figcaption', { class: 'legend' }, OUTCOMES.map((outcome) =>
    h('span', {}, h('span', { class: `swatch ${outcome.toLowerCase()}`, 'aria-hidden': 'true' }),
      `${outcome.toLowerCase()}: `, h('span', { class: `total-${outcome.toLowerCase()}` }, totals[outcome])))));
}

function svgElement(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function svgText(x, y, text) {
  const element = svgElement('text', { x, y, 'font-size': 11, fill: '#57606a' });
  element.textContent = text;
  return element;
}
