import type {
  CapabilitiesChangedReason,
  CapabilitiesChangeInfo,
  CapabilitiesFeature,
  ParticipantCapabilities,
  ParticipantCapabilityName,
} from '@azure/communication-calling';
import type { CapabilitiesWire } from '../protocol/messages';
import { Emitter, type Listener, type ListenerTally } from './emitter';

/**
 * `call.feature(Features.Capabilities)`: what this console may do in the call, as the world
 * decides it (by the call's kind and this console's role); `capabilitiesChanged` carries the
 * capabilities that changed, before and after.
 */
export class EmulatedCapabilitiesFeature implements CapabilitiesFeature {
  readonly name = 'Capabilities';
  private current: ParticipantCapabilities;
  private readonly events: Emitter;

  constructor(initial: CapabilitiesWire, tally: ListenerTally) {
    this.current = copy(initial);
    this.events = new Emitter(tally);
  }

  get capabilities(): ParticipantCapabilities {
    return this.current;
  }

  on(event: 'capabilitiesChanged', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'capabilitiesChanged', listener: Listener): void {
    this.events.off(event, listener);
  }

  /** With its call: the listeners still subscribed go, as the SDK's features drop theirs. */
  dispose(): void {
    this.events.removeAll();
  }

  update(next: CapabilitiesWire, reason: CapabilitiesChangedReason): void {
    const oldValue: CapabilitiesChangeInfo['oldValue'] = {};
    const newValue: CapabilitiesChangeInfo['newValue'] = {};
    for (const name of Object.keys(next) as ParticipantCapabilityName[]) {
      const before = this.current[name];
      const after = next[name];
      if (before && before.isPresent === after.isPresent && before.reason === after.reason) continue;
      oldValue[name] = before;
      newValue[name] = { ...after };
    }
    if (Object.keys(newValue).length === 0) return;
    this.current = copy(next);
    const change: CapabilitiesChangeInfo = { oldValue, newValue, reason };
    this.events.emit('capabilitiesChanged', change);
  }
}

function copy(wire: CapabilitiesWire): ParticipantCapabilities {
  return Object.fromEntries(
    Object.entries(wire).map(([name, value]) => [name, { ...value }]),
  ) as ParticipantCapabilities;
}
