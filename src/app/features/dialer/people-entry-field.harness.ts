import { ComponentHarness, TestKey } from '@angular/cdk/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatChipGridHarness } from '@angular/material/chips/testing';

/**
 * A dialog holding the people input (`sb-people-entry-field`), as the agent works it: typing,
 * picking suggestions, the chips, the problem said under it. The Escalate and Transfer dialogs'
 * harnesses extend it with their own buttons.
 */
export abstract class PeopleEntryDialogHarness extends ComponentHarness {
  private readonly titleText = this.locatorFor('[mat-dialog-title]');
  private readonly grid = this.locatorFor(MatChipGridHarness);
  private readonly autocomplete = this.locatorFor(MatAutocompleteHarness);
  private readonly problem = this.locatorForOptional('.problem');

  async getTitle(): Promise<string> {
    return (await (await this.titleText()).text()).trim();
  }

  /** Types as a person would, one key at a time. */
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

  /** The people chosen, as their chips read. */
  async getChips(): Promise<string[]> {
    const rows = await (await this.grid()).getRows();
    return Promise.all(rows.map(async (row) => (await row.getText()).replace(/×$/, '').trim()));
  }

  async removeChip(name: string): Promise<void> {
    const [row] = await (await this.grid()).getRows({ text: new RegExp(`^${name}`) });
    await row!.remove();
  }

  async getProblem(): Promise<string | null> {
    return (await (await this.problem())?.text())?.trim() ?? null;
  }
}
