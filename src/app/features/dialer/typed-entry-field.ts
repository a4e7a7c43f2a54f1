import {
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
  type Signal,
  type WritableSignal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import type { MatAutocompleteTrigger } from '@angular/material/autocomplete';
import type { Store } from '@ngrx/store';
import { teamsUserTarget, type DialTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import { agentFeature, selectTeamsCloud } from '../../state/agent/agent.feature';
import { dialerFeature } from '../../state/dialer/dialer.feature';
import { readTypedEntry, type TypedEntry } from './typed-entry';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { isNameSearch } from '../../state/dialer/dialer-input';

/**
 * The dialer's one input as the dialer panel and the Add participant dialog both wire it: what
 * the agent types is looked up in the directory while it reads as a name (numbers and ids stay
 * out of the action log), and a new keystroke clears the last problem. It listens until the
 * component is destroyed (call from a constructor, or pass the component's `DestroyRef`).
 */
export function searchDirectoryAsTyped(
  text: FormControl<string>,
  store: Store,
  problem: WritableSignal<string | null>,
  destroyRef: DestroyRef = inject(DestroyRef),
): void {
  let wasNameSearch = false;
  text.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe((value) => {
    // Picking a suggestion writes the person into the control; the component's `picked` takes it.
    if (typeof value !== 'string') return;
    problem.set(null);
    const nameSearch = isNameSearch(value);
    if (nameSearch || wasNameSearch) store.dispatch(DialerActions.searchChanged({ text: value }));
    wasNameSearch = nameSearch;
  });
}

/** Enter adds what was typed; on a highlighted suggestion, the autocomplete picks it instead. */
export function enterAddsTyped(event: Event, trigger: MatAutocompleteTrigger, add: () => void): void {
  if (event.defaultPrevented || trigger.activeOption) return;
  event.preventDefault();
  add();
}

const STILL_SEARCHING = 'Still looking in the directory: pick from the suggestions once they appear.';

/** What to tell the agent about a typed entry that is not (yet) someone to call. */
export function typedEntryProblem(message: string, searching: boolean): string {
  return searching ? STILL_SEARCHING : message;
}

/**
 * Once the directory has answered, "still looking" is no longer true: it goes, and the search's
 * own outcome (suggestions, or nobody matching) speaks. Call from a constructor.
 */
export function clearStillSearchingOnceAnswered(
  searching: Signal<boolean>,
  problem: WritableSignal<string | null>,
): void {
  effect(() => {
    if (!searching() && untracked(problem) === STILL_SEARCHING) problem.set(null);
  });
}

/**
 * A typed entry as the dialogs that take people (Escalate, Transfer) read it: the person or number
 * to add, `empty`, or `problem` once what is wrong has been said.
 */
export function typedTarget(
  entry: TypedEntry,
  searching: boolean,
  problem: WritableSignal<string | null>,
): DialTarget | 'empty' | 'problem' {
  switch (entry.kind) {
    case 'empty':
      return 'empty';
    case 'target':
      return entry.target;
    case 'teamsUserId':
      problem.set('Type their name and pick them from the suggestions.');
      return 'problem';
    case 'problem':
      problem.set(typedEntryProblem(entry.message, searching));
      return 'problem';
  }
}

/**
 * The people input as a dialog that takes people (Escalate, Transfer) holds it: its text, the
 * problem said under it, the directory's suggestions; `typed()` reads what is typed, `picked()`
 * makes a suggestion someone to add. Call from a constructor (or a field initializer).
 */
export function peopleEntry(store: Store) {
  const text = new FormControl('', { nonNullable: true });
  const problem = signal<string | null>(null);
  const suggestions = store.selectSignal(dialerFeature.selectSuggestions);
  const searching = store.selectSignal(dialerFeature.selectSearching);
  const user = store.selectSignal(agentFeature.selectUser);
  const cloud = store.selectSignal(selectTeamsCloud);
  searchDirectoryAsTyped(text, store, problem);
  clearStillSearchingOnceAnswered(searching, problem);
  const me = () => user()?.microsoftTeamsUserId ?? null;
  return {
    text,
    problem,
    suggestions,
    me,
    typed: () => typedTarget(readTypedEntry(text.value, suggestions(), me(), cloud()), searching(), problem),
    picked: (person: DirectoryPerson) => teamsUserTarget(person.id, person.displayName, cloud()),
  };
}
