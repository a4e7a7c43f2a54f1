import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** Live captions as the agent reads them: the button, why not or what failed, and the transcript. */
export class LiveCaptionsHarness extends ComponentHarness {
  static hostSelector = 'sb-live-captions';

  private readonly log = this.locatorForOptional('[role="log"]');
  private readonly lines = this.locatorForAll('.line');
  private readonly reason = this.locatorForOptional('.reason');
  private readonly failure = this.locatorForOptional(FailureMessageHarness);

  /** Start captions, Stop captions (or Starting captions… while it is under way). */
  async getButton(): Promise<MatButtonHarness> {
    return this.locatorFor(MatButtonHarness.with({ text: /captions/ }))();
  }

  /** The transcript's name, once captions are on or have said something. */
  async getLogName(): Promise<string | null> {
    const log = await this.log();
    return log ? log.getAttribute('aria-label') : null;
  }

  /** Each line as read: "Robin Park: my card number is (in progress)". */
  async getLines(): Promise<string[]> {
    return Promise.all((await this.lines()).map(async (line) => squash(await line.text())));
  }

  async getReason(): Promise<string | null> {
    const reason = await this.reason();
    return reason ? reason.text() : null;
  }

  async getFailure(): Promise<FailureMessageHarness | null> {
    return this.failure();
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
