import type { DirectoryUser } from '../../engine/directory';
import { appRole, TENANT_ID, userPrincipalName } from './app-registration';
import { escapeHtml } from './http-io';

const STYLE = `
  body { font-family: 'Segoe UI', system-ui, sans-serif; background: #f2f2f2; margin: 0; color: #1b1b1b; }
  main { max-width: 440px; margin: 8vh auto; background: #fff; padding: 44px; box-shadow: 0 2px 6px rgb(0 0 0 / 20%); }
  .brand { font-size: 0.85rem; color: #5e5e5e; margin: 0 0 16px; }
  h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 4px; }
  ul { list-style: none; padding: 0; margin: 24px 0; }
  li + li { border-top: 1px solid #e6e6e6; }
  button.account { all: unset; box-sizing: border-box; display: grid; width: 100%; padding: 12px 8px; cursor: pointer; }
  button.account:hover, button.account:focus-visible { background: #e6f2fb; outline: 2px solid #0067b8; }
  .name { font-weight: 600; }
  .upn, .role { font-size: 0.85rem; color: #5e5e5e; }
  button.secondary { padding: 6px 18px; border: 1px solid #8a8a8a; background: #fff; cursor: pointer; }
  .generated { margin: 0 0 24px; }
  .generated label { display: block; font-weight: 600; margin: 0 0 8px; }
  .generated .hint { font-size: 0.85rem; color: #5e5e5e; margin: 0 0 8px; }
  .generated select { width: 100%; box-sizing: border-box; font: inherit; margin: 0 0 12px; }
  .generated select:focus-visible { outline: 2px solid #0067b8; }
  .error { color: #a80000; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <main>
      <p class="brand">Microsoft Entra ID (emulated tenant ${TENANT_ID})</p>
      ${body}
    </main>
  </body>
</html>`;
}

/** One button per user: the built-in users, a handful. */
function accountButtons(users: readonly DirectoryUser[]): string {
  return users
    .map(
      (user) => `<li>
          <button class="account" type="submit" name="user" value="${escapeHtml(user.key)}">
            <span class="name">${escapeHtml(user.displayName)}</span>
            <span class="upn">${escapeHtml(userPrincipalName(user))}</span>
            <span class="role">${appRole(user)}</span>
          </button>
        </li>`,
    )
    .join('\n        ');
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The generated users (up to 5,500): one native list box, grouped by app role, rather than
 * thousands of buttons. It needs no script (the page's CSP allows none), is light to render, and
 * is keyboard- and screen-reader-usable as it is: arrows move, typing "Agent 04" jumps there.
 */
function generatedAccounts(users: readonly DirectoryUser[], handle: string): string {
  const group = (role: DirectoryUser['role'], label: string) => {
    const members = users.filter((user) => user.role === role);
    if (members.length === 0) return '';
    const options = members
      .map(
        (user) =>
          `<option value="${escapeHtml(user.key)}">${escapeHtml(user.displayName)} (${escapeHtml(userPrincipalName(user))})</option>`,
      )
      .join('');
    return `<optgroup label="${label}">${options}</optgroup>`;
  };
  const agents = users.filter((user) => user.role === 'agent').length;
  const supervisors = users.length - agents;
  return `<form class="generated" method="post" action="/${TENANT_ID}/login">
        <input type="hidden" name="ctx" value="${escapeHtml(handle)}" />
        <label for="generated-account">Generated accounts</label>
        <p class="hint" id="generated-account-hint">${count(agents, 'agent')} and ${count(supervisors, 'supervisor')}: pick one (type to jump), then sign in.</p>
        <select id="generated-account" name="user" size="8" required aria-describedby="generated-account-hint">
          ${group('agent', 'Agent')}${group('supervisor', 'Supervisor')}
        </select>
        <button class="secondary" type="submit">Sign in with the selected account</button>
      </form>`;
}

/**
 * The emulated tenant's account picker, as Entra ID shows it: the directory's built-in users
 * (agents and the supervisor) as buttons with their app role, then the generated users, if any,
 * in one list box. Picking one posts the held request's handle and the user.
 */
export function accountPickerPage(
  users: readonly DirectoryUser[],
  handle: string,
  generated: readonly DirectoryUser[] = [],
): string {
  return page(
    'Sign in to Switchboard',
    `<h1>Pick an account</h1>
      <p>to continue to Switchboard</p>
      <form id="accounts" method="post" action="/${TENANT_ID}/login">
        <input type="hidden" name="ctx" value="${escapeHtml(handle)}" />
        <ul>
        ${accountButtons(users)}
        </ul>
      </form>
      ${generated.length > 0 ? generatedAccounts(generated, handle) : ''}
      <button class="secondary" type="submit" form="accounts" name="cancel" value="1">Cancel</button>`,
  );
}

/** A request Entra ID will not send back to the app (unknown app, unregistered redirect URI). */
export function signInErrorPage(message: string): string {
  return page(
    'Sign in failed',
    `<h1>Sorry, but we’re having trouble signing you in.</h1>
      <p class="error" role="alert">${escapeHtml(message)}</p>`,
  );
}

export function signedOutPage(): string {
  return page(
    'Signed out',
    `<h1>You signed out of your account</h1>
      <p>It’s a good idea to close all browser windows.</p>`,
  );
}
