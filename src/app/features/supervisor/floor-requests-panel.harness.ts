import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One request card: who asks, for whom, Join / Decline, or how it closed. */
export class FloorRequestCardHarness extends ComponentHarness {
  static hostSelector = '[data-testid="floor-request"]';

  private readonly closed = this.locatorForOptional('.closed');
  private readonly joinButton = this.locatorForOptional(
    MatButtonHarness.with({ selector: '[aria-label^="Join"]' }),
  );
  private readonly declineButton = this.locatorForOptional(MatButtonHarness.with({ text: 'Decline' }));

  async getText(): Promise<string> {
    return squash(await (await this.host()).text());
  }

  /** "Taken by Sam Okafor", "Expired", or null while open. */
  async getClosed(): Promise<string | null> {
    const closed = await this.closed();
    return closed ? squash(await closed.text()) : null;
  }

  async join(): Promise<void> {
    const button = await this.joinButton();
    if (!button) throw new Error('This request has no Join button: it has closed.');
    await button.click();
  }

  async decline(): Promise<void> {
    const button = await this.declineButton();
    if (!button) throw new Error('This request has no Decline button: it has closed.');
    await button.click();
  }

  async canJoin(): Promise<boolean> {
    const button = await this.joinButton();
    return !!button && !(await button.isDisabled());
  }
}

export class FloorRequestsPanelHarness extends ComponentHarness {
  static hostSelector = 'sb-floor-requests-panel';

  readonly getCards = this.locatorForAll(FloorRequestCardHarness);
  private readonly failure = this.locatorForOptional('[role="alert"]');

  async getFailure(): Promise<string | null> {
    const failure = await this.failure();
    return failure ? squash(await failure.text()) : null;
  }
}
