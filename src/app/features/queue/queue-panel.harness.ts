import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { QueuedCallHarness } from './queued-call.harness';

/** The queue as the agent meets it: the calls on screen, what is announced, the sound notice. */
export class QueuePanelHarness extends ComponentHarness {
  static hostSelector = 'sb-queue-panel';

  private readonly rows = this.locatorForAll(QueuedCallHarness);
  private readonly live = this.locatorFor('[aria-live]');
  private readonly soundNotice = this.locatorForOptional('.sound-off');
  private readonly turnOnSoundButton = this.locatorFor(MatButtonHarness.with({ text: 'Turn on sound' }));

  /** The rows the virtual scroll has rendered (those on screen and a few around them). */
  async getRenderedCalls(): Promise<QueuedCallHarness[]> {
    return this.rows();
  }

  /** The caller of the row the keyboard's focus is on, or null. */
  async getFocusedCaller(): Promise<string | null> {
    for (const row of await this.rows()) if (await row.isFocused()) return row.getCaller();
    return null;
  }

  /** What the page's live region last said ("Call from Robin Park, Billing queue."). */
  async getAnnouncement(): Promise<string> {
    return (await (await this.live()).text()).trim();
  }

  /** "Sound is off: …" while the browser blocks the ringtone, else null. */
  async getSoundNotice(): Promise<string | null> {
    const notice = await this.soundNotice();
    return notice ? (await notice.text({ exclude: 'button' })).trim() : null;
  }

  async turnOnSound(): Promise<void> {
    return (await this.turnOnSoundButton()).click();
  }
}
