import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { AuthApiActions } from './auth-api.actions';
import { ShellActions } from './shell.actions';
import { SoftphoneActions } from './softphone.actions';
import { SoftphoneNoticeActions } from './softphone-notice.actions';

/** Where the agent's softphone is: not claimed yet, in this tab, or in another tab of theirs. */
export type SoftphonePlace = 'unclaimed' | 'here' | 'elsewhere';

export interface SoftphoneState {
  readonly place: SoftphonePlace;
  /** This tab held it and gave it up to another tab (Use here there). */
  readonly gaveUp: boolean;
  /** The calls live in the tab that holds it, by name: Use here would end them. */
  readonly liveCallNamesElsewhere: readonly string[];
  /** Use here was clicked while calls are live there: the agent is asked first. */
  readonly confirming: boolean;
}

export const initialSoftphoneState: SoftphoneState = {
  place: 'unclaimed',
  gaveUp: false,
  liveCallNamesElsewhere: [],
  confirming: false,
};

export const softphoneFeature = createFeature({
  name: 'softphone',
  reducer: createReducer(
    initialSoftphoneState,
    on(AuthApiActions.signedIn, ShellActions.signOutClicked, (): SoftphoneState => initialSoftphoneState),
    on(SoftphoneActions.acquired, (): SoftphoneState => ({ ...initialSoftphoneState, place: 'here' })),
    on(SoftphoneActions.heldElsewhere, (state, { liveCallNames }): SoftphoneState => ({
      ...state,
      place: 'elsewhere',
      liveCallNamesElsewhere: liveCallNames,
      // The calls that were to end are gone: nothing is left to ask about.
      confirming: state.confirming && liveCallNames.length > 0,
    })),
    on(SoftphoneActions.released, (): SoftphoneState => ({
      ...initialSoftphoneState,
      place: 'elsewhere',
      gaveUp: true,
    })),
    on(SoftphoneNoticeActions.useHereClicked, (state): SoftphoneState => ({
      ...state,
      confirming: state.liveCallNamesElsewhere.length > 0,
    })),
    on(
      SoftphoneNoticeActions.endItAndUseHereClicked,
      SoftphoneNoticeActions.cancelClicked,
      (state): SoftphoneState => ({ ...state, confirming: false }),
    ),
  ),
});

/** What the notice says while another tab holds the softphone; null while this one does (or none yet). */
export interface SoftphoneNotice {
  readonly message: string;
  /** The question Use here asks first, when it would end calls in the other tab. */
  readonly confirmation: string | null;
}

export const selectSoftphoneNotice = createSelector(
  softphoneFeature.selectSoftphoneState,
  ({ place, gaveUp, liveCallNamesElsewhere, confirming }): SoftphoneNotice | null =>
    place !== 'elsewhere'
      ? null
      : {
          message: gaveUp
            ? 'Switchboard is taking calls in another tab now.'
            : 'Switchboard is taking calls in another tab.',
          confirmation: confirming ? callsWillEnd(liveCallNamesElsewhere) : null,
        },
);

/** "Your call with Casey Morgan in the other tab will end." */
function callsWillEnd(names: readonly string[]): string {
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Your ${names.length === 1 ? 'call' : 'calls'} with ${list} in the other tab will end.`;
}
