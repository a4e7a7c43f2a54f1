import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { queueCall, signIn } from '../emulator-api';

const docs = join(__dirname, '..', '..', 'docs');

test('the agent dashboard: the queue, the active call with its participants', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
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
  // No hover highlight where the Accept click left the pointer.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(docs, 'dashboard.png') });
  await active.getByRole('button', { name: 'Hang up' }).click();
  await expect(active.getByRole('status')).toContainText('ended');
});
