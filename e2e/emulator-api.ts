import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The emulator's control endpoints, reached through the console's origin (the dev server proxies them). */
export async function queueCall(
  request: APIRequestContext,
  call: { from: string; displayName: string; queue?: string; patienceSeconds?: number; talkSeconds?: number },
): Promise<string> {
  const response = await request.post('/emulator/queue/calls', {
    data: { queue: 'Billing', patienceSeconds: 600, talkSeconds: 900, ...call },
  });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { id: string }).id;
}

/** Live listeners the consoles of one user hold on SDK objects, as their emulator clients report them. */
export async function listenersOf(request: APIRequestContext, userKey: string): Promise<number> {
  const response = await request.get('/emulator/listeners');
  const body = (await response.json()) as { consoles: { userKey: string; listeners: number }[] };
  return body.consoles.filter((c) => c.userKey === userKey).reduce((sum, c) => sum + c.listeners, 0);
}

export async function signIn(page: Page, displayName: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: displayName }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
}
