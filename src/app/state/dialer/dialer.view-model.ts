import { createSelector } from '@ngrx/store';
import { targetName } from '../../calling/dial-target';
import type { DialTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import type { Failure } from '../../model/failure';
import { dialerFeature, type DialerState } from './dialer.feature';
import { isNameSearch } from './dialer-input';

/** A line under the field about the directory search. */
export interface SearchNote {
  readonly text: string;
  /**
   * The text the note is about: shown only while the field still holds exactly this (the agent may
   * have typed on since). Null: shown whatever is typed.
   */
  readonly whileTyped: string | null;
}

/** The dialer as the agent sees it. */
export interface DialerViewModel {
  /** Who the next call goes to, with the name each chip shows. */
  readonly targets: readonly DialTarget[];
  readonly chips: readonly string[];
  /** The directory's suggestions for the name typed, without the agent. */
  readonly suggestions: readonly DirectoryPerson[];
  /** The directory has not answered for the name typed yet. */
  readonly searching: boolean;
  readonly searchNote: SearchNote | null;
  readonly searchFailure: Failure | null;
  /** A call is being prepared or placed, or a Teams user id looked up: the field and Call wait. */
  readonly busy: boolean;
  /** "Call" for one target (or none yet), "Start group call" for several. */
  readonly callLabel: string;
  /** What the dialer is doing, in words, or null. */
  readonly status: string | null;
  readonly failure: Failure | null;
}

function searchNote({ searching, search, people }: DialerState): SearchNote | null {
  if (searching) return { text: 'Looking in the directory…', whileTyped: null };
  return isNameSearch(search) && people.length === 0
    ? { text: `Nobody in the directory matches “${search.trim()}”.`, whileTyped: search }
    : null;
}

function status({ status, placing, placed, lookingUp }: DialerState): string | null {
  if (lookingUp) return 'Looking the Teams user up…';
  if (status === 'preparing') return `Creating the chat for the group call with ${placing}…`;
  if (status === 'placing' || status === 'starting') return `Calling ${placing}…`;
  if (placed) return `Calling ${placed.description}…`;
  return null;
}

export const selectDialerViewModel = createSelector(
  dialerFeature.selectDialerState,
  dialerFeature.selectSuggestions,
  (dialer, suggestions): DialerViewModel => ({
    targets: dialer.targets,
    chips: dialer.targets.map(targetName),
    suggestions,
    searching: dialer.searching,
    searchNote: searchNote(dialer),
    searchFailure: dialer.searchFailure,
    busy: dialer.status !== 'idle' || dialer.lookingUp !== null,
    callLabel: dialer.targets.length > 1 ? 'Start group call' : 'Call',
    status: status(dialer),
    failure: dialer.failure,
  }),
);
