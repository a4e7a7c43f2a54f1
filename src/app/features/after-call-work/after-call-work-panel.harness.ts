import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

/** The after-call work panel, as the agent reads and fills it in. */
export class AfterCallWorkPanelHarness extends ComponentHarness {
  static hostSelector = 'sb-after-call-work-panel';

  private readonly region = this.locatorForOptional('section[aria-labelledby="after-call-work-heading"]');
  private readonly call = this.locatorFor('.call');
  private readonly time = this.locatorFor('.time');

  async isShown(): Promise<boolean> {
    return (await this.region()) !== null;
  }

  async getCall(): Promise<string> {
    return (await this.call()).text();
  }

  async getTime(): Promise<string> {
    return (await this.time()).text();
  }

  async getWrapUp(): Promise<MatSelectHarness> {
    const field = await this.locatorFor(MatFormFieldHarness.with({ floatingLabelText: 'Wrap-up code' }))();
    return (await field.getControl(MatSelectHarness))!;
  }

  async getNotes(): Promise<MatInputHarness> {
    const field = await this.locatorFor(MatFormFieldHarness.with({ floatingLabelText: 'Notes' }))();
    return (await field.getControl(MatInputHarness))!;
  }

  async done(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Done' }))()).click();
  }
}
