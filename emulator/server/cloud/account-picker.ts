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

/**
 * The emulated tenant's account picker, as Entra ID shows it: the directory's users (agents and
 * the supervisor) with their app role. Picking one posts the held request's handle and the user.
 */
export function accountPickerPage(users: readonly DirectoryUser[], handle: string): string {
  const accounts = users
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
  return page(
    'Sign in to Switchboard',
    `<h1>Pick an account</h1>
      <p>to continue to Switchboard</p>
      <form method="post" action="/${TENANT_ID}/login">
        <input type="hidden" name="ctx" value="${escapeHtml(handle)}" />
        <ul>
        ${accounts}
        </ul>
        <button class="secondary" type="submit" name="cancel" value="1">Cancel</button>
      </form>`,
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
