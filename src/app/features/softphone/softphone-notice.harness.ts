import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

/** The notice a tab shows while another tab takes the agent's calls, as the agent reads and uses it. */
export class SoftphoneNoticeHarness extends ComponentHarness {
  static hostSelector = 'sb-softphone-notice';

  private readonly message = this.locatorForOptional('.notice [role="status"]');
  private readonly question = this.locatorForOptional('.confirm [role="alert"]');

  /** What the notice says; null while this tab takes the calls. */
  async getMessage(): Promise<string | null> {
    return (await (await this.message())?.text()) ?? null;
  }

  /** The question Use here asks first; null when it asks none. */
  async getConfirmation(): Promise<string | null> {
    return (await (await this.question())?.text()) ?? null;
  }

  async getButtons(): Promise<string[]> {
    const buttons = await this.locatorForAll(MatButtonHarness)();
    return Promise.all(buttons.map((button) => button.getText()));
  }

  async click(text: 'Use here' | 'End it and use here' | 'Cancel'): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text }))()).click();
  }
}
