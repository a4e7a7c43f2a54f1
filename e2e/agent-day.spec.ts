import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  acceptCall,
  configureQueue,
  consoleOf,
  hangUpWaitingCallers,
  queueCall,
  recordCall,
  setStatus,
  signIn,
  statusButton,
} from './emulator-api';

// An agent's day as they live it: a status that decides which calls ring, after-call work and the
// history it leaves, recording consent, captions, and calls that are seen and heard.

test.afterEach(({ request }) => hangUpWaitingCallers(request));

const ringingAt = (page: Page, caller: string) => page.getByRole('listitem', { name: `Call from ${caller}` });

test('presence-based routing rings only Available agents who are not on a call', async ({
  browser,
  request,
}) => {
  await configureQueue(request, 'Sales', { presenceBasedRouting: true });
  try {
    const alex = await consoleOf(browser, 'Alex Rivera');
    const blake = await consoleOf(browser, 'Blake Chen');
    await expect(statusButton(blake)).toContainText('Available');
    await setStatus(blake, 'Away');
    await expect(statusButton(blake)).toContainText('Away');

    await queueCall(request, { from: '+14255550161', displayName: 'Robin Park', queue: 'Sales' });
    await expect(ringingAt(alex, 'Robin Park')).toBeVisible();
    await expect(ringingAt(blake, 'Robin Park')).toHaveCount(0);

    // Back to Available: the waiting call rings for Blake as well.
    await setStatus(blake, 'Available');
    await expect(ringingAt(blake, 'Robin Park')).toBeVisible();

    // Alex takes it and is On a call: the next call rings only for Blake.
    await acceptCall(alex, 'Robin Park');
    await expect(statusButton(alex)).toContainText('On a call');
    await queueCall(request, { from: '+14255550162', displayName: 'Jamie Fox', queue: 'Sales' });
    await expect(ringingAt(blake, 'Jamie Fox')).toBeVisible();
    await expect(ringingAt(alex, 'Jamie Fox')).toHaveCount(0);
    await ringingAt(blake, 'Jamie Fox').getByRole('button', { name: 'Reject' }).click();
    await alex.getByRole('region', { name: 'Active call' }).getByRole('button', { name: 'Hang up' }).click();
    await alex.context().close();
    await blake.context().close();
  } finally {
    await configureQueue(request, 'Sales', { presenceBasedRouting: false });
  }
});

test('a queue call that rings out on the agent sets them Away, and says why', async ({ page, request }) => {
  test.setTimeout(90_000);
  await configureQueue(request, 'Technical support', { presenceBasedRouting: true, agentAlertSeconds: 15 });
  try {
    await signIn(page, 'Casey Novak');
    await queueCall(request, {
      from: '+14255550163',
      displayName: 'Quinn Hart',
      queue: 'Technical support',
    });
    await expect(ringingAt(page, 'Quinn Hart')).toBeVisible();
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status).toContainText(
      'You missed a call from Quinn Hart (Technical support), so your status is now Away.',
      { timeout: 30_000 },
    );
    await expect(statusButton(page)).toContainText('Away');
    await expect(ringingAt(page, 'Quinn Hart')).toHaveCount(0);

    // Available again: the caller still waiting rings here again.
    await status.getByRole('button', { name: 'Set Available' }).click();
    await expect(statusButton(page)).toContainText('Available');
    await expect(ringingAt(page, 'Quinn Hart')).toBeVisible();
    await ringingAt(page, 'Quinn Hart').getByRole('button', { name: 'Accept' }).click();
    const active = page.getByRole('region', { name: 'Active call' });
    await active.getByRole('button', { name: 'Hang up' }).click();
  } finally {
    await configureQueue(request, 'Technical support', {
      presenceBasedRouting: false,
      agentAlertSeconds: 30,
    });
  }
});

test('after a call: after-call work with a wrap-up code and notes, then the call in the history', async ({
  page,
  request,
}) => {
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+442079460958', displayName: 'Morgan Lee', queue: 'Billing' });
  const active = await acceptCall(page, 'Morgan Lee');
  await active.getByRole('button', { name: 'Hold' }).click();
  await page
    .getByRole('region', { name: /Calls on hold/ })
    .getByRole('button', { name: 'Resume' })
    .click();
  await expect(active.getByText('Call state: Connected')).toBeVisible();
  await active.getByRole('button', { name: 'Hang up' }).click();

  const work = page.getByRole('region', { name: 'After-call work' });
  await expect(work).toContainText('Call with Morgan Lee');
  await expect(statusButton(page)).toContainText('After-call work');
  await work.getByRole('combobox', { name: 'Wrap-up code' }).click();
  await page.getByRole('option', { name: 'Follow-up needed' }).click();
  await work.getByRole('textbox', { name: 'Notes' }).fill('Refund promised by Friday');
  await work.getByRole('button', { name: 'Done' }).click();
  await expect(work).toHaveCount(0);
  await expect(statusButton(page)).toContainText('Available');

  await page.getByRole('banner').getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'Call history', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Morgan Lee' });
  await expect(row).toContainText('Billing');
  await expect(row).toContainText('Follow-up needed');
  await expect(row).toContainText('Refund promised by Friday');

  const search = page.getByRole('searchbox', { name: 'Search history' });
  await search.fill('refund');
  await expect(row).toBeVisible();
  await search.fill('nobody by that name');
  await expect(row).toHaveCount(0);
  await search.fill('');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^switchboard-history-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain('Morgan Lee');
  expect(csv).toContain('Refund promised by Friday');

  // It is kept in this browser: a reload keeps it, Clear history empties it.
  await page.reload();
  await expect(row).toBeVisible();
  await page.getByRole('button', { name: 'Clear history' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Clear all call history in this browser?');
  await confirm.getByRole('button', { name: 'Clear' }).click();
  await expect(row).toHaveCount(0);
});

test('a recorded call keeps the microphone muted until the agent consents', async ({ page, request }) => {
  await signIn(page, 'Blake Chen');
  await queueCall(request, { from: '+14255550164', displayName: 'Dana Kim', queue: 'Billing' });
  const active = await acceptCall(page, 'Dana Kim');

  await recordCall(request, 'blake', 'start');
  await expect(active.getByText('Recording', { exact: true })).toBeVisible();
  const consent = active.getByRole('alert').filter({ hasText: 'This call is being recorded.' });
  await expect(consent).toContainText('Your microphone stays muted until you consent to being recorded.');
  await expect(active.getByRole('button', { name: 'Unmute' })).toBeDisabled();

  await consent.getByRole('button', { name: 'Give consent' }).click();
  await expect(consent).toHaveCount(0);
  await active.getByRole('button', { name: 'Unmute' }).click();
  await expect(active.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
  await expect(active.getByText('Recording', { exact: true })).toBeVisible();

  await recordCall(request, 'blake', 'stop');
  await expect(active.getByText('Recording', { exact: true })).toHaveCount(0);
  await active.getByRole('button', { name: 'Hang up' }).click();
});

test('live captions show what the caller says, by name', async ({ page, request }) => {
  await signIn(page, 'Casey Novak');
  await queueCall(request, { from: '+14255550165', displayName: 'Avery Quinn', queue: 'Billing' });
  const active = await acceptCall(page, 'Avery Quinn');

  await active.getByRole('button', { name: 'Start captions' }).click();
  const captions = page.getByRole('log', { name: 'Live captions' });
  await expect(captions).toContainText('Avery Quinn:', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Stop captions' }).click();
  await expect(page.getByRole('button', { name: 'Start captions' })).toBeVisible();
  await active.getByRole('button', { name: 'Hang up' }).click();
});

test('a ringing call is seen: the tab title, an announcement; and the keyboard answers it', async ({
  page,
  request,
}) => {
  await signIn(page, 'Alex Rivera');
  const title = await page.title();
  await queueCall(request, { from: '+14255550166', displayName: 'Jess Moore', queue: 'Billing' });
  await expect(page).toHaveTitle('Ringing: Jess Moore · Switchboard');
  await expect(page.getByText('Call from Jess Moore, Billing queue.')).toBeAttached();

  await page.keyboard.press('Alt+A');
  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active.getByText('Call state: Connected')).toBeVisible();
  await expect(page).toHaveTitle(title);
  // Focus lands in the call, not on the page's body.
  await expect(active.getByRole('heading', { name: 'Active call' })).toBeFocused();

  await page.keyboard.press('Alt+M');
  await expect(active.getByRole('button', { name: 'Unmute' })).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Alt+A');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('Alt+E');
  await expect(active.getByRole('status')).toHaveText('Call with Jess Moore ended: You hung up.');
});
