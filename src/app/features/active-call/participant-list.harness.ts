import {
  ComponentHarness,
  HarnessPredicate,
  type BaseHarnessFilters,
  type TestKey,
} from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** One participant of a call: name, state, what applies, and the agent's Mute and Remove. */
export class ParticipantRowHarness extends ComponentHarness {
  static hostSelector = 'sb-participant-row';

  static with(options: BaseHarnessFilters & { name?: string } = {}): HarnessPredicate<ParticipantRowHarness> {
    return new HarnessPredicate(ParticipantRowHarness, options).addOption('name', options.name, (row, name) =>
      HarnessPredicate.stringMatches(row.getName(), name),
    );
  }

  private readonly chipTexts = this.locatorForAll('.chip');
  private readonly muteButton = this.locatorFor(MatButtonHarness.with({ text: 'Mute' }));
  private readonly removeButton = this.locatorFor(MatButtonHarness.with({ text: 'Remove' }));
  private readonly failure = this.locatorForOptional(FailureMessageHarness);

  async getName(): Promise<string> {
    return (await (await this.host()).getAttribute('aria-label')) ?? '';
  }

  /** The state first, then the role, "Muted", "Speaking" and "Camera on" when they apply. */
  async getChips(): Promise<string[]> {
    return Promise.all((await this.chipTexts()).map((chip) => chip.text()));
  }

  async mute(): Promise<void> {
    return (await this.muteButton()).click();
  }

  async remove(): Promise<void> {
    return (await this.removeButton()).click();
  }

  async canMute(): Promise<boolean> {
    return !(await (await this.muteButton()).isDisabled());
  }

  async canRemove(): Promise<boolean> {
    return !(await (await this.removeButton()).isDisabled());
  }

  async getFailure(): Promise<FailureMessageHarness | null> {
    return this.failure();
  }

  /** Whether the keyboard's focus is on this participant's row (not on one of its buttons). */
  async isFocused(): Promise<boolean> {
    return (await this.host()).isFocused();
  }

  /** Whether Tab reaches this row: the roster is one Tab stop, on the row the focus last rested on. */
  async isTabStop(): Promise<boolean> {
    return (await (await this.host()).getAttribute('tabindex')) === '0';
  }

  /** Whether Tab reaches its Mute and Remove (only the focused row's are in the Tab order). */
  async areButtonsTabbable(): Promise<boolean> {
    const buttons = await Promise.all([this.muteButton(), this.removeButton()]);
    const tabIndexes = await Promise.all(
      buttons.map(async (button) => (await button.host()).getProperty<number>('tabIndex')),
    );
    return tabIndexes.every((tabIndex) => tabIndex === 0);
  }

  async focus(): Promise<void> {
    return (await this.host()).focus();
  }

  /** A key pressed while this row has the focus (arrows, Home, End move through the roster). */
  async press(key: TestKey): Promise<void> {
    return (await this.host()).sendKeys(key);
  }
}

/** A call's roster as the agent reads it. */
export class ParticipantListHarness extends ComponentHarness {
  static hostSelector = 'sb-participant-list';

  private readonly heading = this.locatorFor('h3');
  private readonly rows = this.locatorForAll(ParticipantRowHarness);
  private readonly muteAllButton = this.locatorFor(MatButtonHarness.with({ text: 'Mute all others' }));
  private readonly addButton = this.locatorFor(MatButtonHarness.with({ text: 'Add participant' }));
  private readonly reasons = this.locatorForAll('.reason');
  private readonly muteAllFailure = this.locatorForOptional('.mute-all-failure');

  /** "Participants (2)". */
  async getHeading(): Promise<string> {
    return (await this.heading()).text();
  }

  /**
   * The rows the virtual scroll has rendered (those on screen and a few around them), with their
   * chips: every participant while the roster is short.
   */
  async getParticipants(): Promise<{ name: string; chips: string[] }[]> {
    return Promise.all(
      (await this.rows()).map(async (row) => ({ name: await row.getName(), chips: await row.getChips() })),
    );
  }

  /** A rendered participant's row (a test scrolls to one further down first). */
  async getParticipant(name: string): Promise<ParticipantRowHarness> {
    return this.locatorFor(ParticipantRowHarness.with({ name }))();
  }

  async getRenderedRows(): Promise<ParticipantRowHarness[]> {
    return this.rows();
  }

  /** The name on the row the keyboard's focus is on, or null. */
  async getFocusedName(): Promise<string | null> {
    for (const row of await this.rows()) if (await row.isFocused()) return row.getName();
    return null;
  }

  async muteAllOthers(): Promise<void> {
    return (await this.muteAllButton()).click();
  }

  async canMuteAllOthers(): Promise<boolean> {
    return !(await (await this.muteAllButton()).isDisabled());
  }

  async addParticipant(): Promise<void> {
    return (await this.addButton()).click();
  }

  async canAddParticipant(): Promise<boolean> {
    return !(await (await this.addButton()).isDisabled());
  }

  /** Why Add participant, Mute or Remove are unavailable, in words. */
  async getReasons(): Promise<string[]> {
    return Promise.all((await this.reasons()).map((reason) => reason.text()));
  }

  /** Why Mute all others failed, with the SDK's code, or null. */
  async getMuteAllFailure(): Promise<string | null> {
    const failure = await this.muteAllFailure();
    return failure ? (await failure.text()).replace(/\s+/g, ' ').trim() : null;
  }
}
