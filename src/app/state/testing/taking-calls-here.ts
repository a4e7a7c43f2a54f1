import type { Store } from '@ngrx/store';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { AuthApiActions } from '../agent/auth-api.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';

export const ALEX: SignedInUser = {
  id: '00000000-0000-4000-8000-00000000a001',
  displayName: 'Alex Rivera',
  role: 'agent',
  microsoftTeamsUserId: '00000000-0000-4000-8000-00000000a001',
  cloud: 'public',
};

/** Alex signed in, this tab holding the softphone, the calling session ready: as the effects would. */
export function takingCallsHere(store: Store): void {
  store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
  store.dispatch(SoftphoneActions.acquired());
  store.dispatch(CallingSdkEvents.agentReady({ connectionState: 'Connected' }));
}
