import type { CallingEvent } from './calling-events';

/** How ACS ends a call whose endpoint lost the network for good (docs/acs-codes.md). */
export const NETWORK_LOST = { code: 496, subCode: 7 } as const;

/**
 * The calls and ringing calls a session has reported live, by the ids it reported them under: when
 * the session disposes an agent the SDK gave up on, these are the calls to report ended.
 */
export class LiveCalls {
  private readonly calls = new Set<string>();
  private readonly ringing = new Set<string>();

  note(event: CallingEvent): void {
    switch (event.type) {
      case 'callAdded':
        this.calls.add(event.call.id);
        return;
      case 'callIdChanged':
        if (this.calls.delete(event.previousId)) this.calls.add(event.id);
        return;
      case 'callEnded':
        this.calls.delete(event.id);
        return;
      case 'incomingCallReceived':
        this.ringing.add(event.incomingCall.id);
        return;
      case 'incomingCallEnded':
        this.ringing.delete(event.id);
        return;
    }
  }

  /** Every call still live, ended as a lost network ends it; afterwards none is. */
  endAll(at: number): CallingEvent[] {
    const events: CallingEvent[] = [
      ...[...this.ringing].map((id): CallingEvent => ({
        type: 'incomingCallEnded',
        id,
        callEndReason: NETWORK_LOST,
      })),
      ...[...this.calls].map((id): CallingEvent => ({
        type: 'callEnded',
        id,
        callEndReason: NETWORK_LOST,
        at,
      })),
    ];
    this.calls.clear();
    this.ringing.clear();
    return events;
  }
}
