import { expect, test } from '@playwright/test';
import { listenersOf, queueCall, signIn } from './emulator-api';

test('an agent accepts a queued call, mutes, holds, resumes and hangs up, leaking no listener', async ({
  page,
  request,
}) => {
  await signIn(page, 'Alex Rivera');
  // The agent's own listeners (incoming calls, calls, connection) are the baseline.
  await expect.poll(() => listenersOf(request, 'alex')).toBeGreaterThan(0);
  const baseline = await listenersOf(request, 'alex');

  await queueCall(request, { from: '+14255550177', displayName: 'Robin Park', queue: 'Technical support' });
  const ringing = page.getByRole('listitem', { name: 'Call from Robin Park' });
  await expect(ringing).toContainText('Technical support');
  await expect(ringing).toContainText(/Waiting 0:0\d/);
  await ringing.getByRole('button', { name: 'Accept' }).click();

  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active).toContainText('Robin Park');
  await expect(active.getByText('Call state: Connected')).toBeVisible();
  await expect(ringing).toHaveCount(0);
  await expect(active.getByRole('listitem', { name: 'Robin Park' })).toContainText('Connected');

  await active.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(active.getByRole('button', { name: 'Unmute' })).toBeVisible();
  await expect(active.getByText('Muted', { exact: true })).toBeVisible();
  await active.getByRole('button', { name: 'Unmute' }).click();
  await expect(active.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();

  await active.getByRole('button', { name: 'Hold' }).click();
  const held = page.getByRole('region', { name: /Calls on hold/ });
  await expect(held.getByRole('listitem', { name: 'Held call with Robin Park' })).toContainText('On hold');
  await expect(active).toContainText('No active call');
  await held.getByRole('button', { name: 'Resume' }).click();
  await expect(active.getByText('Call state: Connected')).toBeVisible();

  await active.getByRole('button', { name: 'Hang up' }).click();
  await expect(active.getByRole('status')).toHaveText('Call with Robin Park ended: You hung up.');
  await expect.poll(() => listenersOf(request, 'alex')).toBe(baseline);
});

test('a call answered by one agent stops ringing for the other', async ({ browser, request }) => {
  const alex = await (await browser.newContext()).newPage();
  const blake = await (await browser.newContext()).newPage();
  await signIn(alex, 'Alex Rivera');
  await signIn(blake, 'Blake Chen');

  await queueCall(request, { from: '+14255550188', displayName: 'Jordan Diaz' });
  const atAlex = alex.getByRole('listitem', { name: 'Call from Jordan Diaz' });
  const atBlake = blake.getByRole('listitem', { name: 'Call from Jordan Diaz' });
  await expect(atAlex).toBeVisible();
  await expect(atBlake).toBeVisible();

  await atBlake.getByRole('button', { name: 'Accept' }).click();
  await expect(blake.getByRole('region', { name: 'Active call' })).toContainText('Jordan Diaz');
  await expect(atAlex).toHaveCount(0);

  await blake.getByRole('region', { name: 'Active call' }).getByRole('button', { name: 'Hang up' }).click();
  await alex.context().close();
  await blake.context().close();
});

test('a reload or a closed tab during a call asks first; with no call it does not', async ({
  page,
  request,
}) => {
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550166', displayName: 'Morgan Lee' });
  await page
    .getByRole('listitem', { name: 'Call from Morgan Lee' })
    .getByRole('button', { name: 'Accept' })
    .click();
  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active.getByText('Call state: Connected')).toBeVisible();

  // A real navigation: the browser asks; staying keeps the call.
  const asked = page.waitForEvent('dialog');
  const closing = page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await closing;
  await expect(active.getByText('Call state: Connected')).toBeVisible();

  // Once the call is over, a reload goes ahead without a question.
  await active.getByRole('button', { name: 'Hang up' }).click();
  await expect(active.getByRole('status')).toHaveText('Call with Morgan Lee ended: You hung up.');
  page.on('dialog', (unexpected) => {
    throw new Error(`A ${unexpected.type()} dialog was shown with no live call.`);
  });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
});
