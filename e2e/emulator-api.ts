import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The emulator's control endpoints, reached through the console's origin (the dev server proxies them). */
export async function queueCall(
  request: APIRequestContext,
  call: { from: string; displayName: string; queue?: string; patienceSeconds?: number; talkSeconds?: number },
): Promise<string> {
  const response = await request.post('/emulator/queue/calls', {
    data: { queue: 'Billing', patienceSeconds: 600, talkSeconds: 900, ...call },
  });
  await expect(response).toBeOK();
  return ((await response.json()) as { id: string }).id;
}

/** Live listeners the consoles of one user hold on SDK objects, as their emulator clients report them. */
export async function listenersOf(request: APIRequestContext, userKey: string): Promise<number> {
  const response = await request.get('/emulator/listeners');
  const body = (await response.json()) as { consoles: { userKey: string; listeners: number }[] };
  return body.consoles.filter((c) => c.userKey === userKey).reduce((sum, c) => sum + c.listeners, 0);
}

/**
 * Signs in as MSAL does it: a first visit goes to Entra ID's sign-in page, which on the emulator
 * is its account picker (each account's button reads "name, user name, app role").
 */
export async function signIn(page: Page, displayName: string): Promise<void> {
  await page.goto('/');
  await pickAccount(page, displayName);
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
}

/** The emulated Entra ID's account picker, as a user sees it. */
export async function pickAccount(page: Page, displayName: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  await page.getByRole('button', { name: displayName }).click();
}

/** A console of its own (a browser context each, as two people's machines are), signed in. */
export async function consoleOf(browser: Browser, displayName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, displayName);
  return page;
}

/** Each roster line as its reader sees it: the name, then its chips in words. */
export async function rosterOf(call: Locator): Promise<Map<string, string>> {
  const lines = call.getByRole('list', { name: /Participants/ }).getByRole('listitem');
  const roster = new Map<string, string>();
  for (const line of await lines.all()) {
    const name = (await line.getAttribute('aria-label')) ?? '';
    const chips = await line.locator('.chips').innerText();
    roster.set(name, chips.replace(/\s+/g, ' ').trim());
  }
  return roster;
}

/** Loses a user's connections to the calling service for `seconds` (the emulator's fault control). */
export async function dropConnection(
  request: APIRequestContext,
  userKey: string,
  seconds: number,
): Promise<void> {
  await expect(await request.post('/emulator/connections/drop', { data: { userKey, seconds } })).toBeOK();
}

/** How many consoles of one user the calling service has signed in. */
export async function consolesSignedIn(request: APIRequestContext, userKey: string): Promise<number> {
  const response = await request.get('/emulator/listeners');
  const body = (await response.json()) as { consoles: { userKey: string }[] };
  return body.consoles.filter((c) => c.userKey === userKey).length;
}

/** The emulator's process id, from its health check. */
export async function emulatorPid(request: APIRequestContext): Promise<number> {
  const response = await request.get('/health');
  await expect(response).toBeOK();
  return ((await response.json()) as { pid: number }).pid;
}

/** A call queue's routing settings, as Teams has them (the emulator's queue control). */
export async function configureQueue(
  request: APIRequestContext,
  queue: string,
  settings: { presenceBasedRouting?: boolean; agentAlertSeconds?: number },
): Promise<void> {
  const response = await request.patch(`/emulator/queues/${encodeURIComponent(queue)}`, { data: settings });
  await expect(response).toBeOK();
}

/** Starts or stops recording the user's live call, as a Teams user or a compliance policy would. */
export async function recordCall(
  request: APIRequestContext,
  userKey: string,
  action: 'start' | 'stop',
  consentRequired = true,
): Promise<void> {
  const response = await request.post('/emulator/recording', { data: { userKey, action, consentRequired } });
  await expect(response).toBeOK();
}

/** Accepts the ringing call from `callerName` and waits for it to connect: the active call region. */
export async function acceptCall(page: Page, callerName: string): Promise<Locator> {
  await page
    .getByRole('listitem', { name: `Call from ${callerName}` })
    .getByRole('button', { name: 'Accept' })
    .click();
  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active.getByText('Call state: Connected')).toBeVisible();
  return active;
}

/** The agent's status button in the toolbar ("Status: Available"). */
export const statusButton = (page: Page): Locator =>
  page.getByRole('banner').getByRole('button', { name: /^Status: / });

/** Picks a state from the status menu. */
export async function setStatus(page: Page, state: 'Available' | 'Away' | 'Offline'): Promise<void> {
  await statusButton(page).click();
  await page.getByRole('menuitemradio', { name: state }).click();
}

/**
 * Every caller still waiting in a queue hangs up, so the next test starts with an empty queue
 * (a call left ringing would ring, and ring out, in every console the next test signs in).
 */
export async function hangUpWaitingCallers(request: APIRequestContext): Promise<void> {
  const state = (await (await request.get('/emulator/state')).json()) as {
    queue: { id: string; caller: { identifier: { rawId: string } } }[];
  };
  for (const call of state.queue) {
    const response = await request.post('/emulator/parties/leave', {
      data: { callId: call.id, participantId: call.caller.identifier.rawId },
    });
    // A call that ended meanwhile is no longer there to leave.
    expect([200, 404]).toContain(response.status());
  }
}
