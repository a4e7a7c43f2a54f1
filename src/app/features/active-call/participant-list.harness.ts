import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** One participant of a call: name, state, what applies, and the agent's Mute and Remove. */
export class ParticipantRowHarness extends ComponentHarness {
  static hostSelector = 'sb-participant-list li[aria-label]';

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

  async getParticipants(): Promise<{ name: string; chips: string[] }[]> {
    return Promise.all(
      (await this.rows()).map(async (row) => ({ name: await row.getName(), chips: await row.getChips() })),
    );
  }

  async getParticipant(name: string): Promise<ParticipantRowHarness> {
    return this.locatorFor(ParticipantRowHarness.with({ name }))();
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
