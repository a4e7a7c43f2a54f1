import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

/** The transfer's line and, while consulting, its three controls. */
export class TransferStepsHarness extends ComponentHarness {
  static hostSelector = 'sb-transfer-steps';

  private readonly line = this.locatorForOptional('.line [role="status"]');
  private readonly code = this.locatorForOptional('.code');

  /** "Transferring to Blake Chen…", or null. */
  async getLine(): Promise<string | null> {
    const line = await this.line();
    return line ? (await line.text()).replace(/\s+/g, ' ').trim() : null;
  }

  /** "603/0" beside a failure, or null. */
  async getCode(): Promise<string | null> {
    const code = await this.code();
    return code ? (await code.text()).replace(/^\(code |\)$/g, '') : null;
  }

  /** The labels of the consult controls shown, enabled or not. */
  async getConsultControls(): Promise<string[]> {
    const buttons = await this.locatorForAll(MatButtonHarness.with({ ancestor: '.consult' }))();
    return Promise.all(buttons.map((b) => b.getText()));
  }

  async isEnabled(label: string): Promise<boolean> {
    return !(await (await this.locatorFor(MatButtonHarness.with({ text: label }))()).isDisabled());
  }

  async click(label: 'Complete transfer' | 'Conference' | 'Cancel transfer' | 'Dismiss'): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: label }))()).click();
  }
}
