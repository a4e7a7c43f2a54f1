import { MatButtonHarness } from '@angular/material/button/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { PeopleEntryDialogHarness } from '../dialer/people-entry-field.harness';

/** The Transfer dialog: one person, number or queue; Transfer now or Consult first. */
export class TransferDialogHarness extends PeopleEntryDialogHarness {
  static hostSelector = 'sb-transfer-dialog';

  private readonly where = this.locatorForOptional(MatRadioGroupHarness);

  /** The choices of where to, as labelled ("Back to the Billing queue"); empty when there is none. */
  async getDestinations(): Promise<string[]> {
    const where = await this.where();
    if (!where) return [];
    return Promise.all((await where.getRadioButtons()).map((b) => b.getLabelText()));
  }

  async chooseDestination(label: string | RegExp): Promise<void> {
    await (await this.where())!.checkRadioButton({ label });
  }

  async isEnabled(label: 'Transfer now' | 'Consult first'): Promise<boolean> {
    return !(await (await this.locatorFor(MatButtonHarness.with({ text: label }))()).isDisabled());
  }

  async click(label: 'Transfer now' | 'Consult first' | 'Cancel'): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: label }))()).click();
  }
}
