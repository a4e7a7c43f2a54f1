import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** One call on hold in the Calls on hold panel. */
export class HeldCallHarness extends ComponentHarness {
  static hostSelector = '.sb-held-call';

  private readonly stateChip = this.locatorFor('.sb-chip');
  private readonly time = this.locatorFor('.time');
  private readonly resumeButton = this.locatorFor(MatButtonHarness.with({ text: 'Resume' }));
  private readonly failure = this.locatorForOptional(FailureMessageHarness);

  /** "Held call with Dana Smith". */
  async getLabel(): Promise<string> {
    return (await (await this.host()).getAttribute('aria-label')) ?? '';
  }

  async getState(): Promise<string> {
    return (await this.stateChip()).text();
  }

  /** "Time on hold: 0:30", as a screen reader reads it. */
  async getTimeOnHold(): Promise<string> {
    return (await this.time()).text();
  }

  async resume(): Promise<void> {
    return (await this.resumeButton()).click();
  }

  async canResume(): Promise<boolean> {
    return !(await (await this.resumeButton()).isDisabled());
  }

  async getFailure(): Promise<FailureMessageHarness | null> {
    return this.failure();
  }
}
