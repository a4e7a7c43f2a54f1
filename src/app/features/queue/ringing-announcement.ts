import { partyName } from '../../shared/party-name';
import type { WaitingCall } from '../../state/floor/floor-session.feature';
import { ringingFrom } from './ringing-alerts';

/** Calls named one by one in an announcement; a burst beyond that is counted instead. */
const NAMED_AT_MOST = 3;

/** "Call from Robin Park, Billing queue." */
function callFrom(call: WaitingCall): string {
  return `Call from ${partyName(call.caller)}, ${call.queue ? ringingFrom(call) : 'direct call'}.`;
}

/**
 * What a screen reader hears when calls start ringing (an `aria-live` region): each new call, or
 * for a burst, how many and who waits longest. Null when no call is new.
 */
export function announceNewCalls(before: readonly WaitingCall[], now: readonly WaitingCall[]): string | null {
  const known = new Set(before.map((call) => call.id));
  const fresh = now.filter((call) => !known.has(call.id));
  if (fresh.length === 0) return null;
  if (fresh.length <= NAMED_AT_MOST) return fresh.map(callFrom).join(' ');
  return `${fresh.length} new calls. The first: ${callFrom(fresh[0])}`;
}
