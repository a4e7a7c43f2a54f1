import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** The keypad of a call with a phone party. */
export class DtmfKeypadHarness extends ComponentHarness {
  static hostSelector = 'sb-dtmf-keypad';

  private readonly keys = this.locatorFor('.keys');
  private readonly sent = this.locatorFor('.sent');
  private readonly failure = this.locatorForOptional(FailureMessageHarness);

  /** Clicks a key by what it shows: "5", "*", "#". */
  async press(key: string): Promise<void> {
    const button = await this.locatorFor(MatButtonHarness.with({ text: key }))();
    return button.click();
  }

  /** Types on the keyboard while a key has focus, as an agent does. */
  async type(keys: string): Promise<void> {
    const [first] = await this.locatorForAll(MatButtonHarness)();
    await first.focus();
    return (await this.keys()).sendKeys(keys);
  }

  /** "Tones sent: 1 2 #", or "No tones sent yet." */
  async getSent(): Promise<string> {
    return (await (await this.sent()).text()).replace(/\s+/g, ' ').trim();
  }

  async getFailure(): Promise<FailureMessageHarness | null> {
    return this.failure();
  }
}
