// The console's shell: sign-in, the navigation the token's permissions allow, and a small hash router (the hash
// holds only which page is shown, never a token or a secret).
import { READ_AUDIT, READ_CLIENTS, READ_ROLES } from './api.js';
import { h, problemBox, replace } from './dom.js';
import { may, onChange, signIn, signedIn, end } from './session.js';
import * as clients from './clients.js';
import * as clientPage from './client-page.js';
import * as roles from './roles.js';
import * as audit from './audit.js';
import * as keys from './keys.js';

const routes = [
  { pattern: /^#\/clients\/([^/]+)$/, view: clientPage, needs: READ_CLIENTS },
  { pattern: /^#\/clients$/, view: clients, needs: READ_CLIENTS },
  { pattern: /^#\/roles$/, view: roles, needs: READ_ROLES },
  { pattern: /^#\/audit$/, view: audit, needs: READ_AUDIT },
  { pattern: /^#\/keys$/, view: keys, needs: READ_AUDIT },
];

const view = document.getElementById('view');
const signInForm = document.getElementById('sign-in');
const notice = document.getElementById('notice');
let leave = null;

function announce(message) {
  notice.textContent = message || '';
}

function firstAllowed() {
  const start = [['#/clients', READ_CLIENTS], ['#/roles', READ_ROLES], ['#/audit', READ_AUDIT]]
    .find(([, needs]) => may(needs));
  return start ? start[0] : null;
}

async function show() {
  if (leave) leave();
  leave = null;
  if (!signedIn()) {
    replace(view, signInForm);
    return;
  }
  document.querySelectorAll('#nav a').forEach((link) => {
    link.hidden = !may(link.dataset.needs);
    const current = location.hash === link.getAttribute('href')
      || location.hash.startsWith(link.getAttribute('href') + '/');
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  });
  const route = routes.find((candidate) => candidate.pattern.test(location.hash));
  if (!route) {
    const start = firstAllowed();
    if (start) location.hash = start;
    else replace(view, problemBox('This client holds none of the permissions the console can show.'));
    return;
  }
  if (!may(route.needs)) {
    replace(view, problemBox(`Not allowed: this page needs ${route.needs}, which your token does not carry.`));
    return;
  }
  const params = route.pattern.exec(location.hash).slice(1).map(decodeURIComponent);
  // Each page renders into an element of its own: a page still loading when the next one is chosen fills a detached
  // element instead of overwriting the new page.
  const page = h('div');
  replace(view, page);
  view.focus();
  const cleanup = await route.view.render(page, ...params);
  if (page.isConnected) leave = cleanup || null;
  else if (cleanup) cleanup();
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = signInForm.querySelector('button');
  button.disabled = true;
  signInForm.querySelector('.problem')?.remove();
  try {
    await signIn(signInForm.clientId.value.trim(), signInForm.clientSecret.value);
    signInForm.clientSecret.value = '';
  } catch (e) {
    signInForm.append(problemBox(e.message));
  } finally {
    button.disabled = false;
  }
});

document.getElementById('sign-out').addEventListener('click', () => end('Signed out.'));

onChange((session, message) => {
  document.getElementById('nav').hidden = !session;
  document.getElementById('who').hidden = !session;
  document.getElementById('who-name').textContent = session ? `Signed in as ${session.clientId}` : '';
  announce(message);
  if (!session) signInForm.reset();
  show();
});

window.addEventListener('hashchange', () => {
  announce('');
  show();
});
show();
