import { ComponentHarness, TestKey } from '@angular/cdk/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipGridHarness } from '@angular/material/chips/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** The dialer, as the agent uses it: type, pick a suggestion or press Enter, then Call. */
export class DialerPanelHarness extends ComponentHarness {
  static hostSelector = 'sb-dialer-panel';

  private readonly grid = this.locatorFor(MatChipGridHarness);
  private readonly autocomplete = this.locatorFor(MatAutocompleteHarness);
  private readonly callButton = this.locatorFor(MatButtonHarness.with({ text: /^(Call|Start group call)$/ }));
  private readonly problem = this.locatorForOptional('.problem');
  private readonly status = this.locatorForOptional('.status');
  private readonly note = this.locatorForOptional('.note');
  private readonly failures = this.locatorForAll(FailureMessageHarness);

  /** Types into the one input, as a person would (one key at a time). */
  async type(text: string): Promise<void> {
    const input = await (await (await this.grid()).getInput())!.host();
    await input.clear();
    await input.sendKeys(text);
  }

  /** Moves through the suggestions with the arrow keys, as a keyboard user does. */
  async pressArrowDown(): Promise<void> {
    await this.openSuggestions();
    const input = await (await this.grid()).getInput();
    await (await input!.host()).sendKeys(TestKey.DOWN_ARROW);
  }

  async pressEnter(): Promise<void> {
    const input = await (await this.grid()).getInput();
    await (await input!.host()).sendKeys(TestKey.ENTER);
  }

  async getText(): Promise<string> {
    return (await (await this.grid()).getInput())!.getValue();
  }

  /** The chips: who the call goes to. */
  async getTargets(): Promise<string[]> {
    const rows = await (await this.grid()).getRows();
    return Promise.all(rows.map(async (row) => (await row.getText()).trim()));
  }

  async removeTarget(name: string): Promise<void> {
    const [row] = await (await this.grid()).getRows({ text: name });
    await (await row!.getRemoveButton()).click();
  }

  async getSuggestions(): Promise<string[]> {
    const options = await (await this.openSuggestions()).getOptions();
    return Promise.all(options.map((o) => o.getText()));
  }

  async pickSuggestion(text: string | RegExp): Promise<void> {
    await (await this.openSuggestions()).selectOption({ text });
  }

  /** Suggestions that arrived after the agent started typing show once the input has focus again. */
  private async openSuggestions(): Promise<MatAutocompleteHarness> {
    const autocomplete = await this.autocomplete();
    if (!(await autocomplete.isOpen())) {
      await autocomplete.blur();
      await autocomplete.focus();
    }
    return autocomplete;
  }

  async call(): Promise<void> {
    await (await this.callButton()).click();
  }

  async getCallLabel(): Promise<string> {
    return (await this.callButton()).getText();
  }

  async canCall(): Promise<boolean> {
    return !(await (await this.callButton()).isDisabled());
  }

  /** What is wrong with the typed text, or null. */
  async getProblem(): Promise<string | null> {
    return (await (await this.problem())?.text()) ?? null;
  }

  /** "Calling Blake Chen…", or null. */
  async getStatus(): Promise<string | null> {
    return (await (await this.status())?.text()) ?? null;
  }

  async getSearchNote(): Promise<string | null> {
    return (await (await this.note())?.text()) ?? null;
  }

  async getFailures(): Promise<string[]> {
    return Promise.all((await this.failures()).map((f) => f.getText()));
  }
}
