import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';

/** The call history page, as the agent reads, searches, exports and clears it. */
export class HistoryPageHarness extends ComponentHarness {
  static hostSelector = 'sb-history-page';

  private readonly heading = this.locatorFor('h1');
  private readonly empty = this.locatorForOptional('.sb-empty');
  private readonly failure = this.locatorForOptional('sb-failure-message');
  private readonly table = this.locatorForOptional(MatTableHarness);

  async getHeading(): Promise<string> {
    return (await this.heading()).text();
  }

  async getEmptyText(): Promise<string | null> {
    return (await this.empty())?.text() ?? null;
  }

  async getFailure(): Promise<string | null> {
    return (await this.failure())?.text() ?? null;
  }

  /** Each row, by column header: `{ Caller: 'Robin Park · …', Outcome: 'Answered (in)', … }`. */
  async getRows(): Promise<Record<string, string>[]> {
    const table = await this.table();
    if (!table) return [];
    const headers = await (await table.getHeaderRows())[0]!.getCellTextByIndex();
    const rows = await table.getCellTextByIndex();
    return rows.map((cells) => Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? ''])));
  }

  async search(text: string): Promise<void> {
    const field = await this.locatorFor(MatFormFieldHarness.with({ floatingLabelText: 'Search history' }))();
    await (await field.getControl(MatInputHarness))!.setValue(text);
  }

  async button(text: 'Export CSV' | 'Clear history'): Promise<MatButtonHarness> {
    return this.locatorFor(MatButtonHarness.with({ text }))();
  }
}
