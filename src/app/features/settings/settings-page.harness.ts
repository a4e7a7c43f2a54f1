import { ComponentHarness, type ModifierKeys } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';

/** The Settings page as the agent uses it: switches, key fields, the days, the devices. */
export class SettingsPageHarness extends ComponentHarness {
  static hostSelector = 'sb-settings-page';

  async getHeading(): Promise<string> {
    return (await this.locatorFor('h1')()).text();
  }

  private toggle(label: string) {
    return this.locatorFor(MatSlideToggleHarness.with({ label }))();
  }

  async isOn(label: string): Promise<boolean> {
    return (await this.toggle(label)).isChecked();
  }

  async isDisabled(label: string): Promise<boolean> {
    return (await this.toggle(label)).isDisabled();
  }

  async flip(label: string): Promise<void> {
    await (await this.toggle(label)).toggle();
  }

  private field(label: string) {
    return this.locatorFor(MatFormFieldHarness.with({ floatingLabelText: label }))();
  }

  private async input(label: string): Promise<MatInputHarness> {
    return (await (await this.field(label)).getControl(MatInputHarness))!;
  }

  /** Presses a key combination in an action's key field ("Mute or unmute"). */
  async pressKey(label: string, modifiers: ModifierKeys, key: string): Promise<void> {
    const input = await this.input(label);
    await input.focus();
    await (await input.host()).sendKeys(modifiers, key);
  }

  async getValue(label: string): Promise<string> {
    return (await this.input(label)).getValue();
  }

  /** What the field says is wrong, or ''. */
  async getProblem(label: string): Promise<string> {
    const problem = await this.locatorForOptional(`[data-problem-for="${label}"]`)();
    return (await problem?.text()) ?? '';
  }

  async type(label: string, value: string): Promise<void> {
    const input = await this.input(label);
    await input.setValue(value);
    await (await input.host()).dispatchEvent('change');
  }

  private async select(label: string): Promise<MatSelectHarness> {
    return (await (await this.field(label)).getControl(MatSelectHarness))!;
  }

  async getOptions(label: string): Promise<string[]> {
    const select = await this.select(label);
    await select.open();
    const options = await Promise.all((await select.getOptions()).map((option) => option.getText()));
    await select.close();
    return options;
  }

  async getChosen(label: string): Promise<string> {
    return (await this.select(label)).getValueText();
  }

  async choose(label: string, option: string): Promise<void> {
    const select = await this.select(label);
    await select.open();
    await select.clickOptions({ text: option });
  }

  /** The microphone level meter's value (0–100), or null when it is not shown. */
  async getLevel(): Promise<number | null> {
    const meter = await this.locatorForOptional('[role="meter"][aria-labelledby="microphone-level-label"]')();
    const value = await meter?.getAttribute('aria-valuenow');
    return value === null || value === undefined ? null : Number(value);
  }

  async restoreDefaults(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Restore defaults' }))()).click();
  }
}
