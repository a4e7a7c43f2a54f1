import { expect, test, type Page } from '@playwright/test';
import { acceptCall, consolesSignedIn, dropConnection, emulatorPid, queueCall, signIn } from './emulator-api';

// What a shift brings, recovered from with no click or reload by the agent: a lost connection, a
// restarted calling service, a reload during a call, a second tab.

const chip = (page: Page) => page.getByRole('banner').getByRole('status');

test('a connection lost for a few seconds comes back by itself, with its call, and calls ring again', async ({
  page,
  request,
}) => {
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550131', displayName: 'Robin Park' });
  const active = await acceptCall(page, 'Robin Park');

  await dropConnection(request, 'alex', 4);
  await expect(chip(page)).toHaveText('Reconnecting…');
  await expect(chip(page)).toHaveText('Online', { timeout: 20_000 });
  await expect(page.getByText('Back online.')).toBeVisible();
  await expect(page.getByText('Your call with Robin Park is still up.')).toBeVisible();
  await expect(active.getByText('Call state: Connected')).toBeVisible();

  await queueCall(request, { from: '+14255550132', displayName: 'Jamie Fox' });
  await expect(page.getByRole('listitem', { name: 'Call from Jamie Fox' })).toBeVisible();
  await active.getByRole('button', { name: 'Hang up' }).click();
  await expect(active.getByRole('status')).toHaveText('Call with Robin Park ended: You hung up.');
});

test('a calling service that dies under npm start is restarted, and the console takes calls again by itself', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550141', displayName: 'Taylor Brooks' });
  await acceptCall(page, 'Taylor Brooks');

  const pid = await emulatorPid(request);
  process.kill(pid, 'SIGKILL');
  await expect(chip(page)).not.toHaveText('Online');
  await expect.poll(() => emulatorPid(request).catch(() => 0), { timeout: 60_000 }).not.toBe(pid);

  await expect(chip(page)).toHaveText('Online', { timeout: 60_000 });
  await expect(
    page.getByText(/Your call with Taylor Brooks ended: The network was lost and reconnecting gave up\./),
  ).toBeVisible();
  await queueCall(request, { from: '+14255550142', displayName: 'Avery Quinn' });
  const active = await acceptCall(page, 'Avery Quinn');
  await active.getByRole('button', { name: 'Hang up' }).click();
  await expect(active.getByRole('status')).toHaveText('Call with Avery Quinn ended: You hung up.');
});

test('a reload during a call asks first, and afterwards says what became of the call', async ({
  page,
  request,
}) => {
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550151', displayName: 'Dana Kim' });
  await acceptCall(page, 'Dana Kim');

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);

  await expect(chip(page)).toHaveText('Online');
  const note = page.getByRole('region', { name: 'Before the reload' });
  await expect(note).toContainText('Your call with Dana Kim ended when the page reloaded.');
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
});

test('two tabs of one agent ring once; Use here moves the softphone', async ({ browser, request }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, 'Blake Chen');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('Switchboard is taking calls in another tab.')).toBeVisible();
  expect(await consolesSignedIn(request, 'blake')).toBe(1);

  await queueCall(request, { from: '+14255550161', displayName: 'Sky Patel' });
  await expect(first.getByRole('listitem', { name: 'Call from Sky Patel' })).toBeVisible();
  await expect(second.getByRole('listitem', { name: 'Call from Sky Patel' })).toHaveCount(0);

  await second.getByRole('button', { name: 'Use here' }).click();
  await expect(first.getByText('Switchboard is taking calls in another tab now.')).toBeVisible();
  await expect(chip(second)).toHaveText('Online');
  await expect(second.getByRole('listitem', { name: 'Call from Sky Patel' })).toBeVisible();
  await expect(first.getByRole('listitem', { name: 'Call from Sky Patel' })).toHaveCount(0);
  await expect.poll(() => consolesSignedIn(request, 'blake')).toBe(1);
  await context.close();
});
