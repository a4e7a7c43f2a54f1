import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The agents table: state, time in state, their call, Join. */
export class FloorAgentsPanelHarness extends ComponentHarness {
  static hostSelector = 'sb-floor-agents-panel';

  private readonly table = this.locatorForOptional(MatTableHarness);

  /** Each agent's row as read: [agent, state, time in state, call]. */
  async getRows(): Promise<string[][]> {
    const table = await this.table();
    if (!table) return [];
    return (await table.getCellTextByIndex()).map((cells) => cells.slice(0, 4).map(squash));
  }

  /** The count of agents in each state, as read: `Available 2`, `After-call work 1`. */
  async getStateCounts(): Promise<string[]> {
    const words = await this.locatorForAll('[aria-label="Agents by state"] .sb-chip')();
    const counts = await this.locatorForAll('[aria-label="Agents by state"] .count')();
    return Promise.all(words.map(async (word, i) => `${await word.text()} ${await counts[i].text()}`));
  }

  /** Clicks Join on an agent's call ("Join Casey Diaz’s call with Kim Lee"). */
  async join(agent: string): Promise<void> {
    const button = await this.locatorFor(
      MatButtonHarness.with({ selector: `[aria-label^="Join ${agent}’s call"]` }),
    )();
    await button.click();
  }

  async joinButtonCount(): Promise<number> {
    return (await this.locatorForAll(MatButtonHarness.with({ text: 'Join' }))()).length;
  }
}
