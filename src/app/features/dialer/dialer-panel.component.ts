import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatChipGrid, MatChipInput, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { Store } from '@ngrx/store';
import { type DialTarget, teamsUserTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import { agentFeature, selectTeamsCloud } from '../../state/agent/agent.feature';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { selectDialerViewModel } from '../../state/dialer/dialer.view-model';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { readTypedEntry } from './typed-entry';
import {
  clearStillSearchingOnceAnswered,
  enterAddsTyped,
  searchDirectoryAsTyped,
  typedEntryProblem,
} from './typed-entry-field';
import { groupPhoneNumberAsTyped, showTypedTextOnly } from './typed-phone-number';

/**
 * Place a call from one input: a name from the directory (suggested as the agent types), a phone
 * number (grouped as typed, checked as E.164) or a Teams user id. Each becomes a chip; one chip is
 * a 1:1 call, several a group call.
 */
@Component({
  selector: 'sb-dialer-panel',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatChipGrid,
    MatChipInput,
    MatChipRemove,
    MatChipRow,
    MatFormField,
    MatHint,
    MatLabel,
    MatOption,
    FailureMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="dialer-heading">
      <h2 id="dialer-heading" class="sb-panel-title">Place a call</h2>
      <mat-form-field class="field" subscriptSizing="dynamic">
        <mat-label>Name, phone number or Teams user id</mat-label>
        <mat-chip-grid #chips aria-label="Who to call" [disabled]="dialer().busy">
          @for (chip of dialer().chips; track $index) {
            <mat-chip-row (removed)="remove($index)">
              {{ chip }}
              <button matChipRemove type="button" [attr.aria-label]="'Remove ' + chip">×</button>
            </mat-chip-row>
          }
          <input
            #entry
            [formControl]="text"
            [matChipInputFor]="chips"
            [matChipInputSeparatorKeyCodes]="[]"
            [matAutocomplete]="suggestionList"
            autocomplete="off"
            spellcheck="false"
            (keydown.enter)="enter($event)"
            (input)="groupPhoneNumber($event)"
          />
        </mat-chip-grid>
        <mat-autocomplete
          #suggestionList="matAutocomplete"
          [displayWith]="showTypedTextOnly"
          (optionSelected)="picked($event)"
          aria-label="People in the directory"
        >
          @for (person of dialer().suggestions; track person.id) {
            <mat-option [value]="person"
              >{{ person.displayName }}
              @if (person.userPrincipalName) {
                <span class="upn">({{ person.userPrincipalName }})</span>
              }
            </mat-option>
          }
        </mat-autocomplete>
        @if (problem(); as problem) {
          <mat-hint class="problem" role="alert">{{ problem }}</mat-hint>
        } @else {
          <mat-hint>Press Enter to add. Several people make a group call.</mat-hint>
        }
      </mat-form-field>
      @if (searchNote(); as note) {
        <p class="note" role="status">{{ note }}</p>
      }
      @if (dialer().searchFailure; as failure) {
        <sb-failure-message [failure]="failure" />
      }
      <div class="actions">
        <button mat-flat-button type="button" [disabled]="dialer().busy" (click)="call()">
          {{ dialer().callLabel }}
        </button>
        @if (dialer().status; as status) {
          <span class="status" role="status">{{ status }}</span>
        }
      </div>
      @if (dialer().failure; as failure) {
        <sb-failure-message [failure]="failure" />
      }
    </section>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .upn,
    .note {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 8px 0;
    }
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class DialerPanelComponent {
  private readonly store = inject(Store);
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);
  private readonly entry = viewChild.required<ElementRef<HTMLInputElement>>('entry');
  protected readonly text = new FormControl('', { nonNullable: true });
  protected readonly problem = signal<string | null>(null);
  protected readonly dialer = this.store.selectSignal(selectDialerViewModel);
  private readonly user = this.store.selectSignal(agentFeature.selectUser);
  private readonly cloud = this.store.selectSignal(selectTeamsCloud);
  private readonly typed = toSignal(this.text.valueChanges, { initialValue: '' });
  protected readonly showTypedTextOnly = showTypedTextOnly;

  /** The view-model's note, unless it is about a name the agent has typed on from. */
  protected readonly searchNote = computed(() => {
    const note = this.dialer().searchNote;
    return note && (note.whileTyped === null || note.whileTyped === this.typed()) ? note.text : null;
  });

  constructor() {
    searchDirectoryAsTyped(this.text, this.store, this.problem);
    clearStillSearchingOnceAnswered(
      computed(() => this.dialer().searching),
      this.problem,
    );
  }

  protected enter(event: Event): void {
    enterAddsTyped(event, this.trigger(), () => this.add());
  }

  protected groupPhoneNumber(event: Event): void {
    groupPhoneNumberAsTyped(event, this.text);
  }

  protected picked(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as DirectoryPerson;
    this.store.dispatch(
      DialerActions.targetAdded({ target: teamsUserTarget(person.id, person.displayName, this.cloud()) }),
    );
    this.clear();
  }

  protected remove(index: number): void {
    this.store.dispatch(DialerActions.targetRemoved({ index }));
  }

  /** Calls the chips, and what is still typed if it reads as someone; one is 1:1, several a group. */
  protected call(): void {
    const typed = this.add();
    if (typed === 'problem' || typed === 'lookingUp') return;
    const targets: DialTarget[] = [...this.dialer().targets];
    if (targets.length === 0) {
      this.problem.set('Type who to call: a name, a phone number or a Teams user id.');
      return;
    }
    this.store.dispatch(
      targets.length === 1
        ? DialerActions.callClicked({ target: targets[0] })
        : DialerActions.groupCallClicked({ targets }),
    );
  }

  /** Turns the typed text into a chip, or says what is wrong with it. */
  private add(): 'empty' | 'added' | 'lookingUp' | 'problem' {
    const entry = readTypedEntry(
      this.text.value,
      this.dialer().suggestions,
      this.user()?.microsoftTeamsUserId ?? null,
      this.cloud(),
    );
    switch (entry.kind) {
      case 'empty':
        return 'empty';
      case 'target':
        this.store.dispatch(DialerActions.targetAdded({ target: entry.target }));
        this.clear();
        return 'added';
      case 'teamsUserId':
        this.store.dispatch(DialerActions.teamsUserIdEntered({ id: entry.id }));
        this.clear();
        return 'lookingUp';
      case 'problem':
        this.problem.set(typedEntryProblem(entry.message, this.dialer().searching));
        return 'problem';
    }
  }

  private clear(): void {
    // The autocomplete writes a picked option into the input too: clear the input, not only the control.
    this.entry().nativeElement.value = '';
    this.text.setValue('');
    this.problem.set(null);
  }
}
