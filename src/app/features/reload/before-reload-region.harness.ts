import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

/** The "Before the reload" region, as the agent reads and dismisses it. */
export class BeforeReloadRegionHarness extends ComponentHarness {
  static hostSelector = 'sb-before-reload-region';

  private readonly lines = this.locatorForAll('[aria-label="Before the reload"] li');

  /** A sentence per call live before the reload; none once dismissed (or after no reload). */
  async getLines(): Promise<string[]> {
    return Promise.all((await this.lines()).map((line) => line.text()));
  }

  async dismiss(): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: 'Dismiss' }))()).click();
  }
}
