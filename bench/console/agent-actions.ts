// What the agent does by hand in the benches, as a user does it: by the controls' names.
import type { Page } from '@playwright/test';

/** Hangs the active call up and closes its after-call work with Done. */
export async function finishCall(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Active call' }).getByRole('button', { name: 'Hang up' }).click();
  const done = page.getByRole('region', { name: 'After-call work' }).getByRole('button', { name: 'Done' });
  await done.click();
  await done.waitFor({ state: 'detached' });
}

/**
 * ACS allows a console 15 mute operations in 30 seconds (429 beyond: docs/acs-codes.md). The
 * benches mute often, so each waits until the window has room: the wait is between events, never
 * inside one measured.
 */
export class MuteWindow {
  private readonly times: number[] = [];

  async room(): Promise<void> {
    const windowMs = 31_000;
    for (;;) {
      const now = Date.now();
      while (this.times.length > 0 && this.times[0]! <= now - windowMs) this.times.shift();
      if (this.times.length < 15) break;
      await new Promise((resolve) => setTimeout(resolve, this.times[0]! + windowMs - now));
    }
    this.times.push(Date.now());
  }
}
