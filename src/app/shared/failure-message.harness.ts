import { ComponentHarness } from '@angular/cdk/testing';

/** A failure shown where the agent acted: its sentence and the SDK's code beside it. */
export class FailureMessageHarness extends ComponentHarness {
  static hostSelector = 'sb-failure-message';

  private readonly codeText = this.locatorForOptional('.code');

  /** The whole text, as a screen reader announces it. */
  async getText(): Promise<string> {
    return (await (await this.host()).text()).replace(/\s+/g, ' ').trim();
  }

  /** The SDK's code as shown ("400/41006"), or null when the failure has none. */
  async getCode(): Promise<string | null> {
    const code = await this.codeText();
    return code ? ((await code.text()).match(/code (\S+)\)/)?.[1] ?? null) : null;
  }
}
