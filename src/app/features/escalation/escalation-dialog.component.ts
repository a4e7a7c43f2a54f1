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
import { Store } from '@ngrx/store';
import type { DialTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import { EscalationDialogActions } from '../../state/escalation/escalation-dialog.actions';
import { PeopleEntryFieldComponent } from '../dialer/people-entry-field.component';
import { peopleEntry } from '../dialer/typed-entry-field';

export interface EscalationDialogData {
  /** The call to bring people into. */
  readonly callId: string;
  /** A 1:1 is escalated; a group call has people added. */
  readonly title: 'Escalate the call' | 'Add people to the call';
}

/** What the dialog's input reads as when the agent presses Enter or Confirm. */
type Entry = 'added' | 'empty' | 'problem';

/**
 * One dialog to bring people into a call: Teams users picked from the directory and typed phone
 * numbers become chips; one Confirm adds them all (the escalation workflow: the call's chat first,
 * then the call). The steps then show in the active call panel.
 */
@Component({
  selector: 'sb-escalation-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    PeopleEntryFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <sb-people-entry-field
        class="field"
        label="Name or phone number"
        chipsLabel="People to add"
        hint="Teams users from the directory and phone numbers starting with +. Enter adds each."
        [text]="text"
        [chips]="chips()"
        [suggestions]="suggestions()"
        [problem]="problem()"
        (removed)="remove($event)"
        (picked)="picked($event)"
        (entered)="addTyped()"
      />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" (click)="confirm()">Confirm</button>
    </mat-dialog-actions>
  `,
  styles: `
    .field {
      min-width: 360px;
    }
  `,
})
export class EscalationDialogComponent {
  private readonly store = inject(Store);
  private readonly dialog = inject(MatDialogRef<EscalationDialogComponent>);
  protected readonly data = inject<EscalationDialogData>(MAT_DIALOG_DATA);
  private readonly field = viewChild.required(PeopleEntryFieldComponent);
  private readonly entry = peopleEntry(this.store);
  protected readonly text = this.entry.text;
  protected readonly problem = this.entry.problem;
  /** Who Confirm will add, in the order they were picked. */
  protected readonly targets = signal<readonly DialTarget[]>([]);
  protected readonly chips = computed(() => this.targets().map((target) => target.displayName));
  protected readonly suggestions = this.entry.suggestions;

  protected picked(person: DirectoryPerson): void {
    this.addTarget(this.entry.picked(person));
  }

  protected remove(index: number): void {
    this.targets.update((targets) => targets.filter((_, i) => i !== index));
  }

  /** Adds what is still typed, then everyone at once; says what is wrong instead if anything is. */
  protected confirm(): void {
    if (this.addTyped() === 'problem') return;
    const targets = this.targets();
    if (targets.length === 0) {
      this.problem.set('Pick someone from the directory or type a phone number first.');
      return;
    }
    this.store.dispatch(
      EscalationDialogActions.confirmClicked({ callId: this.data.callId, targets: [...targets] }),
    );
    this.dialog.close(true);
  }

  protected addTyped(): Entry {
    const target = this.entry.typed();
    return typeof target === 'string' ? target : this.addTarget(target);
  }

  private addTarget(target: DialTarget): Entry {
    const me = this.entry.me();
    if (target.kind === 'microsoftTeamsUser' && target.microsoftTeamsUserId === me) {
      this.problem.set('You are already in this call.');
      return 'problem';
    }
    const key = (t: DialTarget) => (t.kind === 'phoneNumber' ? t.phoneNumber : t.microsoftTeamsUserId);
    if (!this.targets().some((t) => key(t) === key(target))) this.targets.update((t) => [...t, target]);
    this.field().clear();
    this.problem.set(null);
    return 'added';
  }
}
