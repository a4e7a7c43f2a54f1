import { expect, test, type Page, type Request } from '@playwright/test';
import { pickAccount, signIn } from './emulator-api';

/** Every request the page makes, to check where the browser went and what it downloaded. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

/** The JWTs in the page's storage, decoded: what a script in this origin could read. */
async function tokensInStorage(page: Page, storage: 'localStorage' | 'sessionStorage') {
  const text = await page.evaluate((name) => JSON.stringify({ ...window[name] }), storage);
  return [...text.matchAll(/eyJ[\w-]+\.([\w-]+)\.[\w-]*/g)].map(
    ([, payload]) => JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>,
  );
}

test('a first visit signs in through Entra ID’s account picker; the supervisor’s role comes from the token', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto('/');
  // Straight to Microsoft's sign-in page (the emulator's), over plain http: no certificate warning.
  await expect(page).toHaveURL(/\/00000000-0000-4000-8000-0000000e0000\/oauth2\/v2\.0\/authorize\?/);
  await expect(page.getByRole('button', { name: /Sam Okafor.*Supervisor/ })).toBeVisible();
  await pickAccount(page, 'Sam Okafor');
  await expect(page.getByRole('banner')).toContainText('Sam Okafor · Supervisor');
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  // A supervisor works in their own workspace: calls made to them, and how they join agents' calls.
  await expect(page).toHaveURL(/\/supervisor$/);
  await expect(page.getByRole('heading', { name: /Calls for you/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Joining agents’ calls' })).toBeVisible();
  // The floor's panels; not the agent's "Queue".
  for (const panel of ['Requests', 'Queues', 'Agents'])
    await expect(page.getByRole('heading', { name: panel, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Queue(?!s)/ })).toHaveCount(0);

  // MSAL had the https authority name; nothing was asked of it over https. (That emulator mode
  // never downloads the Calling SDK is checked on the production build: bench/bundle.spec.ts.)
  expect(requests.filter((r) => r.url().startsWith('https:')).map((r) => r.url())).toEqual([]);
});

test('an agent’s token makes them an agent, whose workspace is the queue, not the supervisor’s', async ({
  page,
}) => {
  await signIn(page, 'Alex Rivera');
  await expect(page.getByRole('banner')).toContainText('Alex Rivera · Agent');
  await expect(page.getByRole('heading', { name: /^Queue/ })).toBeVisible();
  await page.goto('/supervisor');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: /^Queue/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Joining agents’ calls' })).toHaveCount(0);
});

test('keeps no token in storage in plain text, and the ACS token in memory only', async ({ page }) => {
  await signIn(page, 'Blake Chen');
  // MSAL's cache is localStorage, encrypted: its entries are there, no readable token among them.
  expect(await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('msal.')))).toBe(
    true,
  );
  expect(await tokensInStorage(page, 'localStorage')).toEqual([]);
  expect(await tokensInStorage(page, 'sessionStorage')).toEqual([]);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  expect(await tokensInStorage(page, 'localStorage')).toEqual([]);
});

test('cancelling on the account picker lands on the sign-in page, saying so, and signing in works from there', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('alert')).toHaveText('Sign-in was cancelled. Sign in to continue.');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, 'Casey Novak');
  await expect(page.getByRole('banner')).toContainText('Casey Novak · Agent');
});

test('stays signed in across a reload; signing out signs out of Entra ID too', async ({ page }) => {
  await signIn(page, 'Sam Okafor');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Sam Okafor · Supervisor');

  await page.getByRole('button', { name: 'Sign out' }).click();
  // Entra ID hands MSAL's state back on the way out, as it does after a real sign-out.
  await expect(page).toHaveURL(/\/sign-in(\?state=[\w%-]+)?$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The Microsoft session ended too: signing in asks who again.
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
});

test('a new tab signs in silently from the Microsoft session', async ({ page, context }) => {
  await signIn(page, 'Alex Rivera');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('banner')).toContainText('Alex Rivera · Agent');
  await expect(second.getByRole('heading', { name: 'Pick an account' })).toHaveCount(0);
  await second.close();
});
