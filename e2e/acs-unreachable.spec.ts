import { expect, test } from '@playwright/test';
import { pickAccount } from './emulator-api';

/**
 * ACS mode with no network to Azure: `config.json` says "acs" (the emulator still plays Entra ID
 * and ACS identity), and every request that would leave this machine fails, as on a machine with
 * no route to Azure.
 */
test('with no network to Azure, ACS mode says the calling service cannot be reached and keeps trying, not "Connecting…" for ever', async ({
  context,
  page,
}) => {
  test.setTimeout(90_000);
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === 'localhost' || hostname === '127.0.0.1'
      ? route.continue()
      : route.abort('internetdisconnected');
  });
  await page.route('**/config.json', async (route) => {
    const config = (await (await route.fetch()).json()) as Record<string, unknown>;
    await route.fulfill({ json: { ...config, backend: 'acs' } });
  });

  await page.goto('/');
  await pickAccount(page, 'Alex Rivera');
  await expect(page.getByRole('banner')).toContainText('Alex Rivera · Agent');
  // Not "Connecting…" for ever, and not a dead end: the console says why and tries again by itself.
  const connection = page.getByRole('region', { name: 'Connection' });
  await expect(connection.getByRole('alert')).toContainText(
    'Could not reach the calling service within 20 seconds. Check this computer’s network connection, then try again.',
    { timeout: 40_000 },
  );
  await expect(connection).toContainText(
    /Switchboard is reconnecting by itself: (next attempt in \d+ s|trying now)\./,
  );
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline');
  await expect(connection.getByRole('button', { name: 'Try now' })).toBeVisible();
});
