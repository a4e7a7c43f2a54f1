import { ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { FailureMessageHarness } from '../../shared/failure-message.harness';

/** The active call as the agent reads it: what call it is, its state, notices and controls. */
export class ActiveCallCardHarness extends ComponentHarness {
  static hostSelector = 'sb-active-call-card';

  private readonly titleText = this.locatorFor('.title');
  private readonly detailText = this.locatorFor('.detail');
  private readonly stateChip = this.locatorFor('sb-state-chip');
  private readonly speaker = this.locatorForOptional('.speaker');
  private readonly chips = this.locatorForAll('.meta .sb-chip:not(sb-state-chip)');
  private readonly notice = this.locatorForOptional('.notice:not(.consent) .message');
  private readonly consentNotice = this.locatorForOptional('.consent .message');
  private readonly consentFailure = this.locatorForOptional(
    new HarnessPredicate(FailureMessageHarness, { selector: '.consent-failure' }),
  );
  private readonly dismissButton = this.locatorFor(MatButtonHarness.with({ text: 'Dismiss' }));
  private readonly failure = this.locatorForOptional(
    new HarnessPredicate(FailureMessageHarness, { selector: ':not(.consent-failure)' }),
  );
  private readonly reasons = this.locatorForAll('.reason');

  /** "Dana Smith +1 (425) 555-0123", "Group call of 3", "Teams meeting". */
  async getTitle(): Promise<string> {
    return squash(await (await this.titleText()).text());
  }

  /** "Outgoing call to a Teams user", "With Drew Lee and Dana Smith", "5 people, you are the organizer". */
  async getDetail(): Promise<string> {
    return (await this.detailText()).text();
  }

  /** "Main speaker: Drew Lee" in a group call or meeting, or null. */
  async getMainSpeaker(): Promise<string | null> {
    const speaker = await this.speaker();
    return speaker ? speaker.text() : null;
  }

  /** The call state as a screen reader reads it: "Call state: Connected". */
  async getState(): Promise<string> {
    return squash(await (await this.stateChip()).text());
  }

  /** The chip's colour family: live, waiting, held or ended. */
  async getStateTone(): Promise<string | null> {
    return (await this.stateChip()).getAttribute('data-tone');
  }

  /** "Muted", "Camera on". */
  async getChips(): Promise<string[]> {
    return Promise.all((await this.chips()).map((chip) => chip.text()));
  }

  /** The notice that someone else muted the agent, or null. */
  async getMutedNotice(): Promise<string | null> {
    const notice = await this.notice();
    return notice ? squash(await notice.text()) : null;
  }

  async dismissMutedNotice(): Promise<void> {
    return (await this.dismissButton()).click();
  }

  /** The notice that the call is recorded and the agent stays muted until they consent, or null. */
  async getRecordingNotice(): Promise<string | null> {
    const notice = await this.consentNotice();
    return notice ? squash(await notice.text()) : null;
  }

  async giveConsent(): Promise<void> {
    return (await this.getControl('Give consent')).click();
  }

  /** Why giving consent failed, where the agent clicked. */
  async getConsentFailure(): Promise<FailureMessageHarness | null> {
    return this.consentFailure();
  }

  async getControl(text: string): Promise<MatButtonHarness> {
    return this.locatorFor(MatButtonHarness.with({ text }))();
  }

  async getFailure(): Promise<FailureMessageHarness | null> {
    return this.failure();
  }

  /** Why a control is unavailable, in words ("Your Teams policy does not let you turn your camera on."). */
  async getReasons(): Promise<string[]> {
    return Promise.all((await this.reasons()).map((reason) => reason.text()));
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
