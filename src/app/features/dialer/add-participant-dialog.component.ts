import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Store } from '@ngrx/store';
import { targetRawId } from '../../calling/dial-target';
import { type DialTarget, teamsUserTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import { agentFeature, selectTeamsCloud } from '../../state/agent/agent.feature';
import { AddParticipantDialogActions } from '../../state/dialer/add-participant-dialog.actions';
import { dialerFeature } from '../../state/dialer/dialer.feature';
import { addParticipantDialogViewModel } from '../../state/dialer/add-participant-dialog.view-model';
import { participantAdditionsFeature } from '../../state/dialer/participant-additions.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { readTypedEntry } from './typed-entry';
import {
  clearStillSearchingOnceAnswered,
  enterAddsTyped,
  searchDirectoryAsTyped,
  typedEntryProblem,
} from './typed-entry-field';
import { groupPhoneNumberAsTyped, showTypedTextOnly } from './typed-phone-number';

export interface AddParticipantDialogData {
  /** The call to add someone to. */
  readonly callId: string;
}

/**
 * Adds a Teams user (by name) or a phone number to a call. The call's chat gets them first (or a
 * chat is created for a call without one), then `addParticipant`; the dialog closes once they
 * ring, and says why if adding them fails.
 */
@Component({
  selector: 'sb-add-participant-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    FailureMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Add participant</h2>
    <mat-dialog-content>
      <mat-form-field class="field" subscriptSizing="dynamic">
        <mat-label>Name or phone number</mat-label>
        <input
          matInput
          [formControl]="text"
          [matAutocomplete]="suggestionList"
          autocomplete="off"
          spellcheck="false"
          cdkFocusInitial
          (keydown.enter)="enter($event)"
          (input)="groupPhoneNumber($event)"
        />
        <mat-autocomplete
          #suggestionList="matAutocomplete"
          [displayWith]="showTypedTextOnly"
          (optionSelected)="picked($event)"
        >
          @for (person of suggestions(); track person.id) {
            <mat-option [value]="person">{{ person.displayName }}</mat-option>
          }
        </mat-autocomplete>
        @if (problem(); as problem) {
          <mat-hint class="problem" role="alert">{{ problem }}</mat-hint>
        } @else {
          <mat-hint>A Teams user from the directory, or a phone number starting with +.</mat-hint>
        }
      </mat-form-field>
      @if (dialogState().progress; as progress) {
        <p role="status">{{ progress }}</p>
      }
      @if (dialogState().failure; as failure) {
        <sb-failure-message [failure]="failure" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" [disabled]="dialogState().adding" (click)="add()">Add</button>
    </mat-dialog-actions>
  `,
  styles: `
    .field {
      width: 100%;
      min-width: 320px;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class AddParticipantDialogComponent {
  private readonly store = inject(Store);
  private readonly dialog = inject(MatDialogRef<AddParticipantDialogComponent>);
  private readonly data = inject<AddParticipantDialogData>(MAT_DIALOG_DATA);
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);
  protected readonly showTypedTextOnly = showTypedTextOnly;
  protected readonly text = new FormControl('', { nonNullable: true });
  protected readonly problem = signal<string | null>(null);
  protected readonly suggestions = this.store.selectSignal(dialerFeature.selectSuggestions);
  private readonly searching = this.store.selectSignal(dialerFeature.selectSearching);
  private readonly user = this.store.selectSignal(agentFeature.selectUser);
  private readonly cloud = this.store.selectSignal(selectTeamsCloud);
  /** The participant this dialog is adding (by raw id), once Add is clicked. */
  private readonly addingId = signal<string | null>(null);
  private readonly additions = this.store.selectSignal(participantAdditionsFeature.selectEntities);
  /** The addition this dialog made, as the dialog shows it. */
  protected readonly dialogState = computed(() =>
    addParticipantDialogViewModel(this.additions(), this.data.callId, this.addingId()),
  );

  constructor() {
    searchDirectoryAsTyped(this.text, this.store, this.problem);
    clearStillSearchingOnceAnswered(this.searching, this.problem);
    // Once they ring, the roster follows them: the dialog's work is done.
    effect(() => {
      if (this.dialogState().done) this.dialog.close(true);
    });
  }

  protected enter(event: Event): void {
    enterAddsTyped(event, this.trigger(), () => this.add());
  }

  protected groupPhoneNumber(event: Event): void {
    groupPhoneNumberAsTyped(event, this.text);
  }

  protected picked(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as DirectoryPerson;
    this.submit(teamsUserTarget(person.id, person.displayName, this.cloud()));
  }

  protected add(): void {
    const entry = readTypedEntry(
      this.text.value,
      this.suggestions(),
      this.user()?.microsoftTeamsUserId ?? null,
      this.cloud(),
    );
    switch (entry.kind) {
      case 'empty':
        this.problem.set('Type a name or a phone number.');
        return;
      case 'target':
        this.submit(entry.target);
        return;
      case 'teamsUserId':
        this.problem.set('Type their name and pick them from the suggestions.');
        return;
      case 'problem':
        this.problem.set(typedEntryProblem(entry.message, this.searching()));
    }
  }

  private submit(target: DialTarget): void {
    this.addingId.set(targetRawId(target));
    this.store.dispatch(AddParticipantDialogActions.addClicked({ callId: this.data.callId, target }));
  }
}
