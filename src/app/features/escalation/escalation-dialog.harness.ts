import { MatButtonHarness } from '@angular/material/button/testing';
import { PeopleEntryDialogHarness } from '../dialer/people-entry-field.harness';

/** The Escalate dialog: pick people and type numbers, each a chip; one Confirm. */
export class EscalationDialogHarness extends PeopleEntryDialogHarness {
  static hostSelector = 'sb-escalation-dialog';

  async confirm(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Confirm' }))()).click();
  }

  async cancel(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Cancel' }))()).click();
  }
}
