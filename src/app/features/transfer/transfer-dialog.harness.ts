import { ComponentHarness, TestKey } from '@angular/cdk/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipGridHarness } from '@angular/material/chips/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';

/** The Transfer dialog: one person, number or queue; Transfer now or Consult first. */
export class TransferDialogHarness extends ComponentHarness {
  static hostSelector = 'sb-transfer-dialog';

  private readonly title = this.locatorFor('[mat-dialog-title]');
  private readonly grid = this.locatorFor(MatChipGridHarness);
  private readonly autocomplete = this.locatorFor(MatAutocompleteHarness);
  private readonly where = this.locatorForOptional(MatRadioGroupHarness);
  private readonly problem = this.locatorForOptional('.problem');

  async getTitle(): Promise<string> {
    return (await (await this.title()).text()).trim();
  }

  async type(text: string): Promise<void> {
    const input = await (await (await this.grid()).getInput())!.host();
    await input.clear();
    await input.sendKeys(text);
  }

  async pressEnter(): Promise<void> {
    await (await (await (await this.grid()).getInput())!.host()).sendKeys(TestKey.ENTER);
  }

  async pickSuggestion(text: string | RegExp): Promise<void> {
    const autocomplete = await this.autocomplete();
    if (!(await autocomplete.isOpen())) {
      await autocomplete.blur();
      await autocomplete.focus();
    }
    await autocomplete.selectOption({ text });
  }

  async getChips(): Promise<string[]> {
    const rows = await (await this.grid()).getRows();
    return Promise.all(rows.map(async (row) => (await row.getText()).replace(/×$/, '').trim()));
  }

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

  async getProblem(): Promise<string | null> {
    return (await (await this.problem())?.text())?.trim() ?? null;
  }
}
