import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

/** One person's row: their name, the step's chip and the sentence. */
export interface EscalationStepRow {
  readonly name: string;
  readonly step: string;
  readonly text: string;
}

/** The steps of bringing people into the call, and asking a supervisor, in the active call panel. */
export class EscalationStepsHarness extends ComponentHarness {
  static hostSelector = 'sb-escalation-steps';

  private readonly rowElements = this.locatorForAll('li.row');
  private readonly chips = this.locatorForAll('li.row sb-state-chip');
  private readonly texts = this.locatorForAll('li.row .text');
  private readonly notice = this.locatorForOptional('[aria-label="Asking a supervisor"] .text');

  /** Each person's row, in order: "Sam Okafor", "Ringing", "Ringing Sam Okafor…". */
  async getRows(): Promise<EscalationStepRow[]> {
    const [rows, chips, texts] = await Promise.all([this.rowElements(), this.chips(), this.texts()]);
    return Promise.all(
      rows.map(async (row, i) => ({
        name: ((await row.getAttribute('aria-label')) ?? '').replace(/^Adding /, ''),
        step: (await chips[i]!.text()).replace(/^Step:\s*/, '').trim(),
        text: (await texts[i]!.text()).trim(),
      })),
    );
  }

  async dismiss(name: string): Promise<void> {
    const button = await this.locatorFor(
      MatButtonHarness.with({ selector: `[aria-label="Dismiss ${name}"]` }),
    )();
    await button.click();
  }

  /** "Asking a supervisor…", "Sam Okafor is joining.", or null. */
  async getSupervisorNotice(): Promise<string | null> {
    return (await (await this.notice())?.text())?.trim() ?? null;
  }

  async cancelAskingSupervisor(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Cancel' }))()).click();
  }

  async dismissSupervisorNotice(): Promise<void> {
    const selector = '[aria-label="Dismiss supervisor notice"]';
    await (await this.locatorFor(MatButtonHarness.with({ selector }))()).click();
  }
}
