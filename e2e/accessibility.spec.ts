import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { acceptCall, consoleOf, hangUpWaitingCallers, queueCall, signIn } from './emulator-api';

// axe-core on every screen, in the light theme and the dark one: zero violations, whatever the
// rule (WCAG 2.1 A and AA, and axe's best practices such as one page heading).

test.afterEach(({ request }) => hangUpWaitingCallers(request));

const THEMES = ['light', 'dark'] as const;

async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  const toggle = page.getByRole('banner').getByRole('button', { name: /theme$/ });
  const other = theme === 'dark' ? 'Light theme' : 'Dark theme';
  if ((await toggle.innerText()).trim() !== other) await toggle.click();
  await expect(toggle).toHaveText(other);
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  // Transitions settled, so colours are measured as the agent sees them.
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length))
    .toBe(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (v) =>
      `${screen}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(found, found.join('\n')).toEqual([]);
}

for (const theme of THEMES) {
  test(`the sign-in page has no accessibility violations (${theme})`, async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await useTheme(page, theme);
    await expectNoViolations(page, 'sign-in');
  });

  test(`the agent's screens have no accessibility violations (${theme})`, async ({ page, request }) => {
    test.setTimeout(120_000);
    await signIn(page, 'Casey Novak');
    await useTheme(page, theme);
    await queueCall(request, { from: '+14255550171', displayName: 'Robin Park', queue: 'Billing' });
    await queueCall(request, { from: '+442079460172', displayName: 'Jess Moore', queue: 'Sales' });
    await expect(page.getByRole('listitem', { name: 'Call from Jess Moore' })).toBeVisible();
    await expectNoViolations(page, 'the queue');

    const active = await acceptCall(page, 'Robin Park');
    await expectNoViolations(page, 'the active call');

    await active.getByRole('button', { name: 'Hang up' }).click();
    await expect(page.getByRole('region', { name: 'After-call work' })).toBeVisible();
    await expectNoViolations(page, 'after-call work');
    await page.getByRole('region', { name: 'After-call work' }).getByRole('button', { name: 'Done' }).click();

    await page.getByRole('banner').getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('heading', { name: 'Call history', level: 1 })).toBeVisible();
    await expectNoViolations(page, 'history');

    await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expectNoViolations(page, 'settings');

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoViolations(page, 'keyboard shortcuts');
    await page.keyboard.press('Escape');
  });

  test(`the supervisor's floor has no accessibility violations (${theme})`, async ({ browser, request }) => {
    const agent = await consoleOf(browser, 'Alex Rivera');
    const sam = await consoleOf(browser, 'Sam Okafor');
    await useTheme(sam, theme);
    await queueCall(request, { from: '+14255550173', displayName: 'Dana Kim', queue: 'Billing' });
    await acceptCall(agent, 'Dana Kim');
    await expect(sam.getByRole('region', { name: /Agents/ })).toContainText('Alex Rivera');
    await expectNoViolations(sam, 'the floor');
    await agent.getByRole('region', { name: 'Active call' }).getByRole('button', { name: 'Hang up' }).click();
    await agent.context().close();
    await sam.context().close();
  });
}
