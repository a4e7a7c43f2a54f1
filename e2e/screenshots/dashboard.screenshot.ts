import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { queueCall, signIn } from '../emulator-api';

const docs = join(__dirname, '..', '..', 'docs');

test('the agent dashboard: the queue, the active call with its participants, a call on hold', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 960 });
  await signIn(page, 'Casey Novak');
  await queueCall(request, { from: '+14255550111', displayName: 'Morgan Lee', queue: 'Sales' });
  await queueCall(request, { from: '+14255550122', displayName: 'Avery Quinn', queue: 'Billing' });
  await queueCall(request, { from: '+14255550133', displayName: 'Riley Brooks', queue: 'Technical support' });
  await page
    .getByRole('listitem', { name: 'Call from Morgan Lee' })
    .getByRole('button', { name: 'Accept' })
    .click();
  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active.getByText('Call state: Connected')).toBeVisible();
  // Taking a second call puts the first on hold.
  await page
    .getByRole('listitem', { name: 'Call from Avery Quinn' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(active).toContainText('Avery Quinn');
  await expect(page.getByRole('region', { name: /Calls on hold/ })).toContainText('Morgan Lee');
  await expect(active.getByRole('button', { name: 'Hold' })).toBeEnabled();
  // No hover highlight where the Accept click left the pointer.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(docs, 'dashboard.png') });
  await active.getByRole('button', { name: 'Hang up' }).click();
  await expect(active.getByRole('status')).toContainText('ended');
});
