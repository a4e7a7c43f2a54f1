import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The status button and its menu, and the `Status` region, as the agent uses them. */
export class StatusMenuHarness extends ComponentHarness {
  static hostSelector = 'sb-status-menu';

  private readonly menu = this.locatorFor(MatMenuHarness);
  private readonly region = this.locatorForOptional('[role="region"][aria-label="Status"]');

  /** The button's accessible name: `Status: Available`. */
  async getName(): Promise<string | null> {
    return (await (await this.menu()).host()).getAttribute('aria-label');
  }

  /** The button's text and the time in the state beside it: `Available · 2:15`, `On a call, then Away · 0:42`. */
  async getText(): Promise<string> {
    const since = await this.locatorForOptional('.since')();
    const text = squash(await (await this.menu()).getTriggerText());
    return since ? `${text} · ${squash(await since.text())}` : text;
  }

  /** The menu's items as read, the chosen one marked `(checked)`. */
  async getChoices(): Promise<string[]> {
    const menu = await this.menu();
    await menu.open();
    const items = await menu.getItems();
    const read = await Promise.all(
      items.map(async (item) => {
        const checked = (await (await item.host()).getAttribute('aria-checked')) === 'true';
        return `${squash(await item.getText())}${checked ? ' (checked)' : ''}`;
      }),
    );
    await menu.close();
    return read;
  }

  /** Opens the menu and picks `Available`, `Away` or `Offline`. */
  async choose(words: string): Promise<void> {
    await (await this.menu()).clickItem({ text: words });
  }

  /** What the `Status` region says, or null when it is not there. */
  async getNotice(): Promise<string | null> {
    const region = await this.region();
    if (!region) return null;
    const sentences = await this.locatorForAll(
      '[aria-label="Status"] p, [aria-label="Status"] sb-failure-message',
    )();
    return squash((await Promise.all(sentences.map((s) => s.text()))).join(' '));
  }

  async setAvailable(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Set Available' }))()).click();
  }

  async dismiss(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Dismiss' }))()).click();
  }
}
