import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { selectQueueRows, selectServiceLevelExplained } from '../../state/floor/supervisor-floor.view-model';
import { DurationPipe } from '../../shared/duration.pipe';

/** Each call queue now and today: waiting, longest wait, offered, answered, abandoned, service level, handle time. */
@Component({
  selector: 'sb-floor-queues-panel',
  imports: [MatTableModule, MatTooltip, DurationPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="floor-queues-heading">
      <h2 id="floor-queues-heading" class="sb-panel-title">Queues</h2>
      @if (rows().length === 0) {
        <p class="sb-empty">No queue has had a call today.</p>
      } @else {
        <table mat-table [dataSource]="rows()" aria-labelledby="floor-queues-heading">
          <ng-container matColumnDef="queue">
            <th mat-header-cell *matHeaderCellDef scope="col">Queue</th>
            <td mat-cell *matCellDef="let row">{{ row.queue }}</td>
          </ng-container>
          <ng-container matColumnDef="waiting">
            <th mat-header-cell *matHeaderCellDef scope="col">Waiting now</th>
            <td mat-cell *matCellDef="let row">{{ row.waitingNow }}</td>
          </ng-container>
          <ng-container matColumnDef="longest">
            <th mat-header-cell *matHeaderCellDef scope="col">Longest wait</th>
            <td mat-cell *matCellDef="let row" class="time">
              {{
                row.longestWaitingSince === null ? '—' : (ticker.now() - row.longestWaitingSince | duration)
              }}
            </td>
          </ng-container>
          @for (count of counts; track count.column) {
            <ng-container [matColumnDef]="count.column">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ count.header }}</th>
              <td mat-cell *matCellDef="let row">{{ row[count.column] }}</td>
            </ng-container>
          }
          <ng-container matColumnDef="serviceLevel">
            <th mat-header-cell *matHeaderCellDef scope="col">
              <span
                class="explained"
                tabindex="0"
                [matTooltip]="explained()"
                [attr.aria-description]="explained()"
                >Service level</span
              >
            </th>
            <td mat-cell *matCellDef="let row">{{ row.serviceLevel }}</td>
          </ng-container>
          <ng-container matColumnDef="aht">
            <th mat-header-cell *matHeaderCellDef scope="col">Avg handle time</th>
            <td mat-cell *matCellDef="let row" class="time">{{ row.averageHandleTime }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      }
    </section>
  `,
  styleUrl: './floor-table.css',
  styles: `
    .explained {
      text-decoration: underline dotted;
      cursor: help;
    }
  `,
})
export class FloorQueuesPanelComponent {
  private readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  protected readonly rows = this.store.selectSignal(selectQueueRows);
  protected readonly explained = this.store.selectSignal(selectServiceLevelExplained);
  /** Today's counts, one column each. */
  protected readonly counts = [
    { column: 'offered', header: 'Offered' },
    { column: 'answered', header: 'Answered' },
    { column: 'abandoned', header: 'Abandoned' },
  ] as const;
  protected readonly columns = [
    'queue',
    'waiting',
    'longest',
    'offered',
    'answered',
    'abandoned',
    'serviceLevel',
    'aht',
  ];
}
