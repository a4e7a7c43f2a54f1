import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { SupervisorFloorPageActions } from '../../state/floor/supervisor-floor-page.actions';
import {
  selectAgentRows,
  selectAgentStateCounts,
  type AgentRow,
} from '../../state/floor/supervisor-floor.view-model';
import { DurationPipe } from '../../shared/duration.pipe';

/** How many agents are in each state; every agent: their state and how long in it, their call, and Join. */
@Component({
  selector: 'sb-floor-agents-panel',
  imports: [MatTableModule, MatButton, DurationPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="floor-agents-heading">
      <h2 id="floor-agents-heading" class="sb-panel-title">Agents</h2>
      @if (rows().length > 0) {
        <ul class="counts" aria-label="Agents by state">
          @for (count of counts(); track count.state) {
            <li>
              <span class="sb-chip" [attr.data-state]="count.state">{{ count.words }}</span>
              <span class="count">{{ count.count }}</span>
            </li>
          }
        </ul>
      }
      @if (rows().length === 0) {
        <p class="sb-empty">No agent has signed in today.</p>
      } @else {
        <table mat-table [dataSource]="rows()" [trackBy]="byId" aria-labelledby="floor-agents-heading">
          <ng-container matColumnDef="agent">
            <th mat-header-cell *matHeaderCellDef scope="col">Agent</th>
            <td mat-cell *matCellDef="let row">{{ row.name }}</td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef scope="col">State</th>
            <td mat-cell *matCellDef="let row">
              <span class="sb-chip" [attr.data-state]="row.state">{{ row.stateLabel }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="timeInState">
            <th mat-header-cell *matHeaderCellDef scope="col">Time in state</th>
            <td mat-cell *matCellDef="let row" class="time">
              {{ ticker.now() - row.stateSince | duration }}
            </td>
          </ng-container>
          <ng-container matColumnDef="call">
            <th mat-header-cell *matHeaderCellDef scope="col">Call</th>
            <td mat-cell *matCellDef="let row">
              @if (row.call; as call) {
                <span class="caller">{{ call.caller }}</span> · <span>{{ call.queue }}</span> ·
                <span class="time">{{ ticker.now() - call.since | duration }}</span>
                @if (call.onHold) {
                  · <span class="sb-chip held">On hold</span>
                }
              } @else {
                <span class="none">No call</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="join">
            <th mat-header-cell *matHeaderCellDef scope="col">
              <span class="sb-visually-hidden">Join</span>
            </th>
            <td mat-cell *matCellDef="let row">
              @if (row.call; as call) {
                <button
                  mat-stroked-button
                  type="button"
                  [attr.aria-label]="'Join ' + row.name + '’s call with ' + call.caller"
                  [attr.data-testid]="'floor-join-' + row.id"
                  (click)="join(row)"
                >
                  Join
                </button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      }
    </section>
  `,
  styleUrl: './floor-table.css',
  styles: `
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
    }
    .sb-chip[data-state='afterCallWork'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .sb-chip[data-state='away'],
    .sb-chip[data-state='offline'] {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .count {
      margin-left: 4px;
      font: var(--mat-sys-title-small);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .held {
      margin-left: 4px;
      outline: 1px dashed var(--mat-sys-outline);
    }
  `,
})
export class FloorAgentsPanelComponent {
  private readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  protected readonly rows = this.store.selectSignal(selectAgentRows);
  protected readonly counts = this.store.selectSignal(selectAgentStateCounts);
  protected readonly columns = ['agent', 'state', 'timeInState', 'call', 'join'];
  protected readonly byId = (_: number, row: AgentRow) => row.id;

  /** Join from the floor, unasked: the agent's console is told and adds the supervisor. */
  join(row: AgentRow): void {
    if (!row.call) return;
    this.store.dispatch(
      SupervisorFloorPageActions.joinClicked({ agentId: row.id, callKey: row.call.key, requestId: null }),
    );
  }
}
