import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { acceptCall, queueCall, signIn } from '../emulator-api';

const docs = join(__dirname, '..', '..', 'docs');

test('live captions on a call', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 960 });
  await signIn(page, 'Casey Novak');
  await queueCall(request, { from: '+442079460958', displayName: 'Morgan Lee', queue: 'Billing' });
  const active = await acceptCall(page, 'Morgan Lee');
  await active.getByRole('button', { name: 'Start captions' }).click();
  const captions = page.getByRole('log', { name: 'Live captions' });
  // The card-number line said in full, so the picture shows a conversation rather than its first words.
  await expect(captions).toContainText('4111 1111 1111 1111', { timeout: 45_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(docs, 'captions.png') });
  await active.getByRole('button', { name: 'Hang up' }).click();
});

test('after-call work: the wrap-up code and notes', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 960 });
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550111', displayName: 'Robin Park', queue: 'Billing' });
  const active = await acceptCall(page, 'Robin Park');
  await active.getByRole('button', { name: 'Hang up' }).click();
  const work = page.getByRole('region', { name: 'After-call work' });
  await work.getByRole('combobox', { name: 'Wrap-up code' }).click();
  await page.getByRole('option', { name: 'Resolved' }).click();
  await work
    .getByRole('textbox', { name: 'Notes' })
    .fill('Explained the late fee; refund of $12 on the next bill.');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(docs, 'after-call-work.png') });
  await work.getByRole('button', { name: 'Done' }).click();
});
