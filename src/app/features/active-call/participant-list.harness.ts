import { ComponentHarness } from '@angular/cdk/testing';

/** One participant of a call: name, state and what applies ("Muted", "Speaking"), in words. */
export class ParticipantRowHarness extends ComponentHarness {
  static hostSelector = 'sb-participant-list li[aria-label]';

  private readonly chipTexts = this.locatorForAll('.chip');

  async getName(): Promise<string> {
    return (await (await this.host()).getAttribute('aria-label')) ?? '';
  }

  /** The state first, then "Muted" and "Speaking" when they apply. */
  async getChips(): Promise<string[]> {
    return Promise.all((await this.chipTexts()).map((chip) => chip.text()));
  }
}

/** A call's roster as the agent reads it. */
export class ParticipantListHarness extends ComponentHarness {
  static hostSelector = 'sb-participant-list';

  private readonly heading = this.locatorFor('h3');
  private readonly rows = this.locatorForAll(ParticipantRowHarness);

  /** "Participants (2)". */
  async getHeading(): Promise<string> {
    return (await this.heading()).text();
  }

  async getParticipants(): Promise<{ name: string; chips: string[] }[]> {
    return Promise.all(
      (await this.rows()).map(async (row) => ({ name: await row.getName(), chips: await row.getChips() })),
    );
  }
}
