import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** The join-a-meeting forms, as the agent uses them: pick how the meeting is named, fill in, Join. */
export class MeetingJoinPanelHarness extends ComponentHarness {
  static hostSelector = 'sb-meeting-join-panel';

  private readonly tabs = this.locatorFor(MatTabGroupHarness);
  private readonly progress = this.locatorForOptional('.progress');
  private readonly failure = this.locatorForOptional(FailureMessageHarness);

  /** "Link", "Coordinates" or "Meeting ID". */
  async choose(label: string): Promise<void> {
    await (await this.tabs()).selectTab({ label });
  }

  private async field(label: string): Promise<MatFormFieldHarness> {
    return this.locatorFor(MatFormFieldHarness.with({ floatingLabelText: label }))();
  }

  private async input(label: string): Promise<MatInputHarness> {
    return (await (await this.field(label)).getControl(MatInputHarness))!;
  }

  async fill(label: string, value: string): Promise<void> {
    await (await this.input(label)).setValue(value);
  }

  /** Tabs into the field and out of it again, typing nothing. */
  async tabPast(label: string): Promise<void> {
    const input = await this.input(label);
    await input.focus();
    await input.blur();
  }

  async getValue(label: string): Promise<string> {
    return (await this.input(label)).getValue();
  }

  /** `password` while masked, `text` once shown. */
  async getType(label: string): Promise<string> {
    return (await this.input(label)).getType();
  }

  async togglePasscode(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: /^(Show|Hide)$/ }))()).click();
  }

  async isPasscodeShown(): Promise<boolean> {
    const toggle = await this.locatorFor(MatButtonHarness.with({ text: /^(Show|Hide)$/ }))();
    return (await (await toggle.host()).getAttribute('aria-pressed')) === 'true';
  }

  async join(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Join' }))()).click();
  }

  async canJoin(): Promise<boolean> {
    return !(await (await this.locatorFor(MatButtonHarness.with({ text: 'Join' }))()).isDisabled());
  }

  /** Each field's message saying what is wrong with it, by label. */
  async getErrors(): Promise<Record<string, string[]>> {
    const fields = await this.locatorForAll(MatFormFieldHarness)();
    const errors: Record<string, string[]> = {};
    for (const field of fields) {
      const messages = await field.getTextErrors();
      if (messages.length > 0) errors[(await field.getLabel()) ?? ''] = messages;
    }
    return errors;
  }

  /** Whether the field has the focus, by label. */
  async isFocused(label: string): Promise<boolean> {
    return (await this.input(label)).isFocused();
  }

  /** The tab shown: "Link", "Coordinates" or "Meeting ID". */
  async getChosen(): Promise<string> {
    return (await (await this.tabs()).getSelectedTab()).getLabel();
  }

  /** The line saying what to fill in again, after a reload ended a meeting. */
  async getRejoinLine(): Promise<string | null> {
    return (await (await this.locatorForOptional('.rejoin')())?.text()) ?? null;
  }

  async getProgress(): Promise<string | null> {
    return (await (await this.progress())?.text()) ?? null;
  }

  async getFailure(): Promise<string | null> {
    return (await (await this.failure())?.getText()) ?? null;
  }
}
