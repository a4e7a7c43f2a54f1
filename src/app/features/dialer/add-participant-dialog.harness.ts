import { ComponentHarness, TestKey } from '@angular/cdk/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** The Add participant dialog: type a name or number, Add. */
export class AddParticipantDialogHarness extends ComponentHarness {
  static hostSelector = 'sb-add-participant-dialog';

  private readonly input = this.locatorFor(MatInputHarness);
  private readonly autocomplete = this.locatorFor(MatAutocompleteHarness);
  private readonly addButton = this.locatorFor(MatButtonHarness.with({ text: 'Add' }));
  private readonly problem = this.locatorForOptional('.problem');
  private readonly status = this.locatorForOptional('[role="status"]');
  private readonly failure = this.locatorForOptional(FailureMessageHarness);

  /** Types as a person would, one key at a time. */
  async type(text: string): Promise<void> {
    const input = await (await this.input()).host();
    await input.clear();
    await input.sendKeys(text);
  }

  async getText(): Promise<string> {
    return (await this.input()).getValue();
  }

  async pressEnter(): Promise<void> {
    await (await (await this.input()).host()).sendKeys(TestKey.ENTER);
  }

  async pickSuggestion(text: string | RegExp): Promise<void> {
    const autocomplete = await this.autocomplete();
    if (!(await autocomplete.isOpen())) {
      await autocomplete.blur();
      await autocomplete.focus();
    }
    await autocomplete.selectOption({ text });
  }

  async add(): Promise<void> {
    await (await this.addButton()).click();
  }

  async canAdd(): Promise<boolean> {
    return !(await (await this.addButton()).isDisabled());
  }

  async getProblem(): Promise<string | null> {
    return (await (await this.problem())?.text()) ?? null;
  }

  async getStatus(): Promise<string | null> {
    return (await (await this.status())?.text()) ?? null;
  }

  async getFailure(): Promise<string | null> {
    return (await (await this.failure())?.getText()) ?? null;
  }
}
