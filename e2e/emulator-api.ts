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
  // Sign-in, the token exchange and the calling service's registration: the console allows the
  // last 20 s by itself (CONNECT_TIME_LIMIT_MS), which a busy machine can come close to.
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 30_000 });
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

/** A fault for the emulator to inject (`POST /emulator/faults`): a calling operation, or a cloud service. */
export type Fault =
  | { op: string; code?: number; subCode?: number; delayMs?: number }
  | { op: 'getTokenForTeamsUser' | 'entraToken'; code: number }
  | { op: 'graph'; code: number; method?: string; path?: string };

/** Fails (or delays) the next `times` operations of a kind. */
export async function injectFault(request: APIRequestContext, fault: Fault, times = 1): Promise<void> {
  for (let i = 0; i < times; i++)
    await expect(await request.post('/emulator/faults', { data: fault })).toBeOK();
}

/** Drops the faults nobody used, so the next test starts without them. */
export async function clearFaults(request: APIRequestContext): Promise<void> {
  await expect(await request.delete('/emulator/faults')).toBeOK();
}

/** How long the ACS tokens the identity exchange issues from now on live (`null`: as the Entra token). */
export async function setAcsTokenLifetime(request: APIRequestContext, seconds: number | null): Promise<void> {
  await expect(
    await request.patch('/emulator/identity', { data: { tokenLifetimeSeconds: seconds } }),
  ).toBeOK();
}

/** server/'s own address: `SERVER_PORT`, else `npm start` puts it next to the emulator's port. */
const serverPort = process.env['SERVER_PORT'] ?? Number(process.env['E2E_EMULATOR_PORT'] ?? 4390) + 1;
const serverUrl = `http://127.0.0.1:${serverPort}`;

/** server/'s process id, from its health check (a test kills it by its pid; `npm start` starts it again). */
export async function serverPid(request: APIRequestContext): Promise<number> {
  const response = await request.get(`${serverUrl}/health`);
  await expect(response).toBeOK();
  return ((await response.json()) as { pid: number }).pid;
}

/** A console's part in a call, as the emulator holds it (`GET /emulator/state`). */
export interface ConsoleLeg {
  readonly callId: string;
  readonly state: string;
  readonly isMuted: boolean;
  /** The other parties' display names. */
  readonly with: string[];
}

/** Every call leg a user's consoles hold in the world, with whom. */
export async function legsOf(request: APIRequestContext, userKey: string): Promise<ConsoleLeg[]> {
  const state = (await (await request.get('/emulator/state')).json()) as {
    calls: {
      id: string;
      parties: {
        displayName?: string;
        isMuted: boolean;
        leg?: { userKey: string; state: string };
      }[];
    }[];
  };
  return state.calls.flatMap((call) =>
    call.parties
      .filter((party) => party.leg?.userKey === userKey)
      .map((party) => ({
        callId: call.id,
        state: party.leg!.state,
        isMuted: party.isMuted,
        with: call.parties.filter((other) => other !== party).map((other) => other.displayName ?? ''),
      })),
  );
}

/** The user's leg in the call with `name`, if there is one. */
export async function legWith(
  request: APIRequestContext,
  userKey: string,
  name: string,
): Promise<ConsoleLeg | undefined> {
  return (await legsOf(request, userKey)).find((leg) => leg.with.includes(name));
}

/** The ringing queue calls from a caller, and who they ring. */
export async function ringingAt(request: APIRequestContext, callerName: string): Promise<string[]> {
  const state = (await (await request.get('/emulator/state')).json()) as {
    queue: { caller: { displayName?: string }; ringing: string[] }[];
  };
  return state.queue.find((call) => call.caller.displayName === callerName)?.ringing ?? [];
}
