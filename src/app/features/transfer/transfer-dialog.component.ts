import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { Store, type Action } from '@ngrx/store';
import type { TransferDestination } from '../../model/transfer-destination';
import type { DialTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import { TransferDialogActions } from '../../state/transfer/transfer-dialog.actions';
import { PeopleEntryFieldComponent } from '../dialer/people-entry-field.component';
import { peopleEntry } from '../dialer/typed-entry-field';

export interface TransferDialogData {
  /** The caller's call. */
  readonly callId: string;
  /** Who is handed on, by name ("Robin Park"). */
  readonly callerName: string;
  /** The queue the call came through, with its resource account: Transfer now can send the caller back. */
  readonly queue: { readonly name: string; readonly resourceAccount: string } | null;
}

/**
 * One dialog to hand a caller on: a Teams user from the directory or a phone number, or back to
 * the queue the call came through; Transfer now (cold) or Consult first (warm: the agent talks to
 * the target before the caller is handed over). A queue has nobody to consult.
 */
@Component({
  selector: 'sb-transfer-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatRadioButton,
    MatRadioGroup,
    PeopleEntryFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Transfer the call</h2>
    <mat-dialog-content>
      @if (data.queue; as queue) {
        <mat-radio-group
          class="where"
          aria-label="Transfer to"
          [value]="toQueue() ? 'queue' : 'person'"
          (change)="toQueue.set($event.value === 'queue')"
        >
          <mat-radio-button value="person">A person or a number</mat-radio-button>
          <mat-radio-button value="queue">Back to the {{ queue.name }} queue</mat-radio-button>
        </mat-radio-group>
      }
      @if (!toQueue()) {
        <sb-people-entry-field
          class="field"
          label="Name or phone number"
          chipsLabel="Transfer to"
          hint="A Teams user from the directory, or a phone number starting with +."
          [text]="text"
          [chips]="chips()"
          [suggestions]="suggestions()"
          [problem]="problem()"
          (removed)="target.set(null)"
          (picked)="picked($event)"
          (entered)="addTyped()"
        />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-stroked-button type="button" [disabled]="toQueue()" (click)="consultFirst()">
        Consult first
      </button>
      <button mat-flat-button type="button" (click)="transferNow()">Transfer now</button>
    </mat-dialog-actions>
  `,
  styles: `
    .field {
      min-width: 360px;
    }
    .where {
      display: flex;
      flex-direction: column;
      margin-bottom: 8px;
    }
  `,
})
export class TransferDialogComponent {
  private readonly store = inject(Store);
  private readonly dialog = inject(MatDialogRef<TransferDialogComponent>);
  protected readonly data = inject<TransferDialogData>(MAT_DIALOG_DATA);
  private readonly field = viewChild(PeopleEntryFieldComponent);
  private readonly entry = peopleEntry(this.store);
  protected readonly text = this.entry.text;
  protected readonly problem = this.entry.problem;
  protected readonly toQueue = signal(false);
  /** One destination: picking another replaces it. */
  protected readonly target = signal<DialTarget | null>(null);
  protected readonly chips = computed(() => {
    const target = this.target();
    return target ? [target.displayName] : [];
  });
  protected readonly suggestions = this.entry.suggestions;

  protected picked(person: DirectoryPerson): void {
    this.choose(this.entry.picked(person));
  }

  protected transferNow(): void {
    const queue = this.data.queue;
    let destination: TransferDestination | null = null;
    if (this.toQueue() && queue)
      destination = { kind: 'queue', resourceAccount: queue.resourceAccount, name: queue.name };
    else {
      const target = this.chosen();
      if (target) destination = { kind: 'participant', target };
    }
    if (!destination) return;
    const { callId, callerName } = this.data;
    this.send(TransferDialogActions.transferNowClicked({ callId, callerName, destination }));
  }

  protected consultFirst(): void {
    const target = this.chosen();
    if (!target) return;
    this.send(
      TransferDialogActions.consultFirstClicked({
        callId: this.data.callId,
        callerName: this.data.callerName,
        target,
      }),
    );
  }

  /** What is typed, else what was picked; says what is wrong instead if anything is. */
  private chosen(): DialTarget | null {
    if (this.addTyped() === 'problem') return null;
    const target = this.target();
    if (!target) this.problem.set('Pick someone from the directory or type a phone number first.');
    return target;
  }

  private send(action: Action): void {
    this.store.dispatch(action);
    this.dialog.close(true);
  }

  protected addTyped(): 'added' | 'empty' | 'problem' {
    const target = this.entry.typed();
    return typeof target === 'string' ? target : this.choose(target);
  }

  private choose(target: DialTarget): 'added' | 'problem' {
    const me = this.entry.me();
    if (target.kind === 'microsoftTeamsUser' && target.microsoftTeamsUserId === me) {
      this.problem.set('You cannot transfer a call to yourself.');
      return 'problem';
    }
    this.target.set(target);
    this.field()?.clear();
    this.problem.set(null);
    return 'added';
  }
}
