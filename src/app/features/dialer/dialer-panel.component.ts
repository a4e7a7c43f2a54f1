import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { type DialTarget, teamsUserTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import { agentFeature, selectTeamsCloud } from '../../state/agent/agent.feature';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { selectDialerViewModel } from '../../state/dialer/dialer.view-model';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { readTypedEntry } from './typed-entry';
import { PeopleEntryFieldComponent } from './people-entry-field.component';
import {
  clearStillSearchingOnceAnswered,
  searchDirectoryAsTyped,
  typedEntryProblem,
} from './typed-entry-field';

/**
 * Place a call from one input: a name from the directory (suggested as the agent types), a phone
 * number (grouped as typed, checked as E.164) or a Teams user id. Each becomes a chip; one chip is
 * a 1:1 call, several a group call.
 */
@Component({
  selector: 'sb-dialer-panel',
  imports: [MatButton, FailureMessageComponent, PeopleEntryFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="dialer-heading">
      <h2 id="dialer-heading" class="sb-panel-title">Place a call</h2>
      <sb-people-entry-field
        label="Name, phone number or Teams user id"
        chipsLabel="Who to call"
        hint="Press Enter to add. Several people make a group call."
        [text]="text"
        [chips]="dialer().chips"
        [suggestions]="dialer().suggestions"
        [problem]="problem()"
        [disabled]="dialer().busy"
        (removed)="remove($event)"
        (picked)="picked($event)"
        (entered)="add()"
      />
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
  `,
})
export class DialerPanelComponent {
  private readonly store = inject(Store);
  private readonly field = viewChild.required(PeopleEntryFieldComponent);
  protected readonly text = new FormControl('', { nonNullable: true });
  protected readonly problem = signal<string | null>(null);
  protected readonly dialer = this.store.selectSignal(selectDialerViewModel);
  private readonly user = this.store.selectSignal(agentFeature.selectUser);
  private readonly cloud = this.store.selectSignal(selectTeamsCloud);
  private readonly typed = toSignal(this.text.valueChanges, { initialValue: '' });

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

  protected picked(person: DirectoryPerson): void {
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
  protected add(): 'empty' | 'added' | 'lookingUp' | 'problem' {
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
    this.field().clear();
    this.problem.set(null);
  }
}
