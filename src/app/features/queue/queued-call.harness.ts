import {
  ComponentHarness,
  HarnessPredicate,
  type BaseHarnessFilters,
  type TestKey,
} from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

export interface QueuedCallHarnessFilters extends BaseHarnessFilters {
  /** Text the caller's name or number contains. */
  caller?: string | RegExp;
}

/** One ringing call in the queue, as the agent reads and works it. */
export class QueuedCallHarness extends ComponentHarness {
  static hostSelector = 'sb-queued-call';

  static with(options: QueuedCallHarnessFilters = {}): HarnessPredicate<QueuedCallHarness> {
    return new HarnessPredicate(QueuedCallHarness, options).addOption(
      'caller',
      options.caller,
      (harness, caller) => HarnessPredicate.stringMatches(harness.getCaller(), caller),
    );
  }

  private readonly caller = this.locatorFor('sb-party');
  private readonly queue = this.locatorFor('.queue');
  private readonly waiting = this.locatorFor('.waiting');
  private readonly bringingIn = this.locatorForOptional('.bringing-in');
  private readonly transferredBy = this.locatorForOptional('.transferred-by');
  private readonly status = this.locatorForOptional('[role="status"]');
  private readonly failure = this.locatorForOptional(FailureMessageHarness);
  private readonly acceptButton = this.locatorFor(MatButtonHarness.with({ text: 'Accept' }));
  private readonly rejectButton = this.locatorFor(MatButtonHarness.with({ text: 'Reject' }));

  async getCaller(): Promise<string> {
    return squash(await (await this.caller()).text());
  }

  async getQueue(): Promise<string> {
    return (await this.queue()).text();
  }

  /** On a supervisor's console: "Blake Chen is bringing you into a call with …", else null. */
  async getBringingIn(): Promise<string | null> {
    const line = await this.bringingIn();
    return line ? squash(await line.text()) : null;
  }

  /** "Transferred by Alex Rivera from Billing" on a call a colleague handed on, else null. */
  async getTransferredBy(): Promise<string | null> {
    const line = await this.transferredBy();
    return line ? squash(await line.text()) : null;
  }

  /** "Waiting 1:05". */
  async getWaiting(): Promise<string> {
    return squash(await (await this.waiting()).text());
  }

  /** "Accepting…" or "Rejecting…" while the agent's click is carried out, else null. */
  async getStatus(): Promise<string | null> {
    const status = await this.status();
    return status ? status.text() : null;
  }

  async getFailure(): Promise<FailureMessageHarness | null> {
    return this.failure();
  }

  async accept(): Promise<void> {
    return (await this.acceptButton()).click();
  }

  async reject(): Promise<void> {
    return (await this.rejectButton()).click();
  }

  /** Whether the keyboard's focus is on this call's row (not on one of its buttons). */
  async isFocused(): Promise<boolean> {
    return (await this.host()).isFocused();
  }

  /** Whether Tab reaches this row: the list is one Tab stop, on the row the focus last rested on. */
  async isTabStop(): Promise<boolean> {
    return (await (await this.host()).getAttribute('tabindex')) === '0';
  }

  async focus(): Promise<void> {
    return (await this.host()).focus();
  }

  /** A key pressed while this row has the focus (arrows, Home, End move through the queue). */
  async press(key: TestKey): Promise<void> {
    return (await this.host()).sendKeys(key);
  }

  /** Whether Accept and Reject can be clicked. */
  async canAct(): Promise<boolean> {
    const [accept, reject] = await Promise.all([this.acceptButton(), this.rejectButton()]);
    return !(await accept.isDisabled()) && !(await reject.isDisabled());
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
