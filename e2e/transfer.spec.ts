import { expect, test, type Page } from '@playwright/test';
import { consoleOf, queueCall } from './emulator-api';

// Handing a caller on: warm (consult first) to another agent, cold back to a queue, and a target
// who declines, which leaves the caller with the agent.

const activeCall = (page: Page) => page.getByRole('region', { name: 'Active call' });

async function acceptQueued(page: Page, callerName: string) {
  await page
    .getByRole('listitem', { name: `Call from ${callerName}` })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(activeCall(page).getByText('Call state: Connected')).toBeVisible();
}

/** Opens Transfer on the active call and picks a Teams user from the directory. */
async function transferTo(page: Page, typed: string, option: RegExp) {
  await activeCall(page).getByRole('button', { name: 'Transfer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer the call' });
  await dialog.getByRole('combobox').first().pressSequentially(typed);
  await page.getByRole('option', { name: option }).click();
  return dialog;
}

test('a warm transfer: the agent consults a colleague, then hands the caller over; the colleague is told who transferred it', async ({
  browser,
  request,
}) => {
  const alex = await consoleOf(browser, 'Alex Rivera');
  const blake = await consoleOf(browser, 'Blake Chen');
  await queueCall(request, { from: '+14255550171', displayName: 'Robin Park', queue: 'Billing' });
  // Only Alex takes queued calls here: Blake lets it ring on.
  await acceptQueued(alex, 'Robin Park');
  await expect(blake.getByRole('listitem', { name: 'Call from Robin Park' })).toHaveCount(0);

  const dialog = await transferTo(alex, 'Blake', /Blake Chen/);
  await dialog.getByRole('button', { name: 'Consult first' }).click();
  await expect(dialog).toBeHidden();

  const consult = blake.getByRole('listitem', { name: 'Call from Alex Rivera' });
  await consult.getByRole('button', { name: 'Accept' }).click();
  await expect(activeCall(blake).getByText('Call state: Connected')).toBeVisible();

  await activeCall(alex).getByRole('button', { name: 'Complete transfer' }).click();
  await expect(activeCall(alex).getByRole('status')).toHaveText(
    'Call with Robin Park ended: You transferred the call to Blake Chen.',
  );
  // Blake's call goes on with the caller, and is named after them now.
  await expect(activeCall(blake)).toContainText('Robin Park');
  await expect(activeCall(blake).getByText('Incoming call from a phone number')).toBeVisible();
  await expect(activeCall(blake).getByRole('listitem', { name: 'Alex Rivera' })).toHaveCount(0);
  await expect(activeCall(blake)).toContainText('Transferred by Alex Rivera');
  await expect(activeCall(blake).getByText('Call state: Connected')).toBeVisible();

  await alex.context().close();
  await blake.context().close();
});

test('a cold transfer back to a queue rings its agents again, and another agent answers', async ({
  browser,
  request,
}) => {
  const alex = await consoleOf(browser, 'Alex Rivera');
  const blake = await consoleOf(browser, 'Blake Chen');
  await queueCall(request, { from: '+14255550172', displayName: 'Jamie Fox', queue: 'Billing' });
  await acceptQueued(alex, 'Jamie Fox');

  await activeCall(alex).getByRole('button', { name: 'Transfer', exact: true }).click();
  const dialog = alex.getByRole('dialog', { name: 'Transfer the call' });
  await dialog.getByRole('radio', { name: 'Back to the Billing queue' }).check();
  await dialog.getByRole('button', { name: 'Transfer now' }).click();
  await expect(activeCall(alex).getByRole('status')).toContainText(
    'Call with Jamie Fox ended: You transferred',
  );

  const ringing = blake.getByRole('listitem', { name: 'Call from Jamie Fox' });
  await expect(ringing).toContainText('Billing');
  await ringing.getByRole('button', { name: 'Accept' }).click();
  await expect(activeCall(blake)).toContainText('Jamie Fox');
  await expect(activeCall(blake).getByText('Call state: Connected')).toBeVisible();

  await alex.context().close();
  await blake.context().close();
});

test('a transfer the colleague declines leaves the caller with the agent, resumed', async ({
  browser,
  request,
}) => {
  const alex = await consoleOf(browser, 'Alex Rivera');
  const blake = await consoleOf(browser, 'Blake Chen');
  await queueCall(request, { from: '+14255550173', displayName: 'Dana Kim', queue: 'Billing' });
  await acceptQueued(alex, 'Dana Kim');

  const dialog = await transferTo(alex, 'Blake', /Blake Chen/);
  await dialog.getByRole('button', { name: 'Transfer now' }).click();
  await expect(activeCall(alex)).toContainText('Transferring to Blake Chen…');

  const ringing = blake.getByRole('listitem', { name: 'Call from Dana Kim' });
  await expect(ringing).toContainText('Transferred by Alex Rivera from Billing');
  await ringing.getByRole('button', { name: 'Reject' }).click();

  await expect(activeCall(alex)).toContainText(
    'Transfer to Blake Chen failed: Blake Chen declined the call. Dana Kim is back with you.',
  );
  await expect(activeCall(alex).getByText('Call state: Connected')).toBeVisible();

  await alex.context().close();
  await blake.context().close();
});
