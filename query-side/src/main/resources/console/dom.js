// Builds elements from data without ever parsing it as HTML: text is always text, so no value from the API can
// become markup or script.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let fieldCount = 0;

/** A labelled control: every input gets a label a screen reader announces. */
export function field(label, control) {
  if (!control.id) control.id = `field-${++fieldCount}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

export function time(value) {
  if (!value) return '—';
  const at = new Date(value);
  return h('time', { datetime: value, title: value }, at.toLocaleString());
}

/** A data table; at high zoom it scrolls inside its own box (WCAG 1.4.10 exempts tables), not the page. */
export function table(caption, headers, rows) {
  return h('div', { class: 'table-scroll' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: headers.length }, 'Nothing to show.'))
      : rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

export function problemBox(text) {
  return h('p', { class: 'problem', role: 'alert' }, text);
}
