import { ComponentHarness } from '@angular/cdk/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** The queues table, as a supervisor reads it. */
export class FloorQueuesPanelHarness extends ComponentHarness {
  static hostSelector = 'sb-floor-queues-panel';

  private readonly table = this.locatorForOptional(MatTableHarness);
  private readonly tooltip = this.locatorFor(MatTooltipHarness);

  /** Each queue's row, by column header ("Queue", "Waiting now", "Service level", ...). */
  async getRows(): Promise<Record<string, string>[]> {
    const table = await this.table();
    if (!table) return [];
    const [headers] = await Promise.all([table.getHeaderRows()]);
    const names = await headers[0].getCellTextByIndex();
    const rows = await table.getCellTextByIndex();
    return rows.map((cells) => Object.fromEntries(names.map((name, i) => [name.trim(), cells[i].trim()])));
  }

  /** What the service level's header explains when pointed at. */
  async getServiceLevelExplanation(): Promise<string> {
    const tooltip = await this.tooltip();
    await tooltip.show();
    return tooltip.getTooltipText();
  }
}
