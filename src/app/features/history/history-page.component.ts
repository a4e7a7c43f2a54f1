import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { Store } from '@ngrx/store';
import type { CallHistoryEntry } from '../../core/call-history-db';
import { Ticker } from '../../core/ticker';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { formatPhoneNumber } from '../../shared/phone-number.pipe';
import { historyCsv, historyCsvName } from '../../state/history/history-csv';
import { HistoryPageActions } from '../../state/history/history-page.actions';
import { historyFeature } from '../../state/history/history.feature';
import { ClearHistoryDialogComponent } from './clear-history-dialog.component';
import { HISTORY_DOWNLOAD } from './history-download';

/** `/history`: the calls handled in this browser, searchable, exported as CSV, cleared on request. */
@Component({
  selector: 'sb-history-page',
  imports: [
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatTableModule,
    DatePipe,
    DurationPipe,
    FailureMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Call history</h1>
    @if (failure(); as failure) {
      <div class="failure">
        <sb-failure-message [failure]="failure" />
        <button mat-button type="button" (click)="dismissFailure()">Dismiss</button>
      </div>
    }
    <div class="tools">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Search history</mat-label>
        <input matInput type="search" [value]="query()" (input)="search($event)" />
      </mat-form-field>
      <button mat-stroked-button type="button" [disabled]="found().length === 0" (click)="exportCsv()">
        Export CSV
      </button>
      <button
        mat-stroked-button
        type="button"
        [disabled]="clearing() || !entries()?.length"
        (click)="clear()"
      >
        Clear history
      </button>
    </div>
    @if (entries() === null) {
      <p class="sb-empty">Reading call history…</p>
    } @else if (entries()!.length === 0) {
      <p class="sb-empty">No calls in this browser’s history yet.</p>
    } @else if (found().length === 0) {
      <p class="sb-empty">No calls match “{{ query() }}”.</p>
    } @else {
      <div class="scroll">
        <table mat-table [dataSource]="found()" [trackBy]="byId">
          <ng-container matColumnDef="ended">
            <th mat-header-cell *matHeaderCellDef>Ended</th>
            <td mat-cell *matCellDef="let e">{{ e.endedAt | date: 'MMM d, y, h:mm a' }}</td>
          </ng-container>
          <ng-container matColumnDef="caller">
            <th mat-header-cell *matHeaderCellDef>Caller</th>
            <td mat-cell *matCellDef="let e">{{ caller(e) }}</td>
          </ng-container>
          <ng-container matColumnDef="queue">
            <th mat-header-cell *matHeaderCellDef>Queue</th>
            <td mat-cell *matCellDef="let e">{{ e.queue ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="outcome">
            <th mat-header-cell *matHeaderCellDef>Outcome</th>
            <td mat-cell *matCellDef="let e">
              {{ e.outcome }} ({{ e.direction === 'Incoming' ? 'in' : 'out' }})
            </td>
          </ng-container>
          <ng-container matColumnDef="talk">
            <th mat-header-cell *matHeaderCellDef>Talk</th>
            <td mat-cell *matCellDef="let e">{{ e.talkMs | duration }}</td>
          </ng-container>
          <ng-container matColumnDef="hold">
            <th mat-header-cell *matHeaderCellDef>Hold</th>
            <td mat-cell *matCellDef="let e">{{ e.holdMs | duration }}</td>
          </ng-container>
          <ng-container matColumnDef="endReason">
            <th mat-header-cell *matHeaderCellDef>How it ended</th>
            <td mat-cell *matCellDef="let e">
              {{ e.endReason }}
              @if (e.endCode !== null) {
                <span class="code">({{ e.endCode }}/{{ e.endSubCode }})</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="wrapUp">
            <th mat-header-cell *matHeaderCellDef>Wrap-up</th>
            <td mat-cell *matCellDef="let e">{{ e.wrapUp ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="notes">
            <th mat-header-cell *matHeaderCellDef>Notes</th>
            <td mat-cell *matCellDef="let e" class="notes">{{ e.notes }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
      padding: 16px;
      align-content: start;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .tools,
    .failure {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .tools mat-form-field {
      flex: 1 1 240px;
      max-width: 420px;
    }
    .scroll {
      overflow-x: auto;
    }
    .notes {
      white-space: pre-wrap;
      max-width: 32ch;
    }
    .code {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
      white-space: nowrap;
    }
  `,
})
export class HistoryPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly dialog = inject(MatDialog);
  private readonly download = inject(HISTORY_DOWNLOAD);
  private readonly now = inject(Ticker).now;
  protected readonly entries = this.store.selectSignal(historyFeature.selectEntries);
  protected readonly found = this.store.selectSignal(historyFeature.selectFound);
  protected readonly query = this.store.selectSignal(historyFeature.selectQuery);
  protected readonly clearing = this.store.selectSignal(historyFeature.selectClearing);
  protected readonly failure = this.store.selectSignal(historyFeature.selectFailure);
  protected readonly columns = [
    'ended',
    'caller',
    'queue',
    'outcome',
    'talk',
    'hold',
    'endReason',
    'wrapUp',
    'notes',
  ];
  protected readonly byId = (_: number, entry: CallHistoryEntry) => entry.id;

  ngOnInit(): void {
    this.store.dispatch(HistoryPageActions.opened());
  }

  protected caller(entry: CallHistoryEntry): string {
    const number = entry.callerNumber ? formatPhoneNumber(entry.callerNumber) : null;
    if (entry.callerName && number) return `${entry.callerName} · ${number}`;
    return entry.callerName ?? number ?? 'Unknown caller';
  }

  protected search(event: Event): void {
    this.store.dispatch(
      HistoryPageActions.searchChanged({ query: (event.target as HTMLInputElement).value }),
    );
  }

  protected exportCsv(): void {
    this.download(historyCsvName(this.now()), historyCsv(this.found()));
  }

  protected clear(): void {
    this.dialog
      .open<ClearHistoryDialogComponent, undefined, boolean>(ClearHistoryDialogComponent)
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.store.dispatch(HistoryPageActions.clearConfirmed());
      });
  }

  protected dismissFailure(): void {
    this.store.dispatch(HistoryPageActions.failureDismissed());
  }
}
