import type { TeamsCall } from '@azure/communication-calling';
import type { CallingEvent } from './calling-events';
import { callEvents } from './call.bridge';
import type { CallFeatureFactories } from './capabilities.bridge';
import { FAKE_FEATURES, FakeCall, FakeParticipant, FakeVideoStream } from './testing/fake-sdk-objects';

const features = FAKE_FEATURES as unknown as CallFeatureFactories;

function watch(call: FakeCall, withFeatures = true) {
  const events: CallingEvent[] = [];
  let completed = false;
  const subscription = callEvents(call as unknown as TeamsCall, () => 7, {
    features: withFeatures ? features : undefined,
  }).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
  return { events, subscription, completed: () => completed };
}

const added = (events: CallingEvent[]) =>
  events.find((e): e is Extract<CallingEvent, { type: 'callAdded' }> => e.type === 'callAdded')!.call;

describe('call bridge', () => {
  it('reports the call’s server id once the SDK knows it, asking again with each state until then', async () => {
    const call = new FakeCall();
    call.state = 'Connecting';
    const { events, subscription } = watch(call, false);
    const serverIds = () => events.filter((e) => e.type === 'serverCallIdKnown');
    await Promise.resolve();
    await Promise.resolve();
    expect(serverIds()).toEqual([]);

    call.info.serverCallId = 'server-call-1';
    call.state = 'Connected';
    call.emit('stateChanged');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(serverIds()).toEqual([{ type: 'serverCallIdKnown', id: 'call-1', serverCallId: 'server-call-1' }]);

    call.state = 'LocalHold';
    call.emit('stateChanged');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(serverIds().length).toBe(1);
    subscription.unsubscribe();
  });

  it('reports participant changes under the call’s new id once the SDK changes it', () => {
    const call = new FakeCall();
    const events: CallingEvent[] = [];
    const subscription = callEvents(call as unknown as TeamsCall, () => 0).subscribe((e) => events.push(e));

    call.id = 'call-2';
    call.emit('idChanged');
    const [caller] = call.remoteParticipants;
    caller.isSpeaking = true;
    caller.emit('isSpeakingChanged');

    expect(events).toContain({ type: 'callIdChanged', previousId: 'call-1', id: 'call-2' });
    expect(events.at(-1)).toEqual({
      type: 'participantChanged',
      callId: 'call-2',
      participantId: '4:+14255550123',
      changes: { isSpeaking: true },
    });
    subscription.unsubscribe();
  });

  it('removes every listener it added, on the call, its features, participants and streams, when the call ends', () => {
    const call = new FakeCall();
    const [caller] = call.remoteParticipants;
    const stream = new FakeVideoStream();
    caller.videoStreams = [stream];
    const { events, completed } = watch(call);
    expect(call.listenerCount).toBeGreaterThan(0);
    expect(caller.listenerCount).toBeGreaterThan(0);
    expect(stream.listenerCount).toBe(1);
    expect(call.features.Capabilities.listenerCount).toBe(1);
    expect(call.features.DominantSpeakers.listenerCount).toBe(1);
    expect(call.features.Recording.listenerCount).toBe(2);
    expect(call.features.Captions.listenerCount).toBe(2);
    expect(call.features.Captions.captions.listenerCount).toBe(2);
    expect(call.info.listenerCount).toBe(1);

    call.state = 'Disconnected';
    call.emit('stateChanged');

    expect(call.listenerCount).toBe(0);
    expect(caller.listenerCount).toBe(0);
    expect(stream.listenerCount).toBe(0);
    expect(call.features.Capabilities.listenerCount).toBe(0);
    expect(call.features.DominantSpeakers.listenerCount).toBe(0);
    expect(call.features.Recording.listenerCount).toBe(0);
    expect(call.features.Captions.listenerCount).toBe(0);
    expect(call.features.Captions.captions.listenerCount).toBe(0);
    expect(call.info.listenerCount).toBe(0);
    expect(events.at(-1)).toEqual({ type: 'callEnded', id: 'call-1', callEndReason: null, at: 7 });
    expect(completed()).toBeTrue();
  });

  it('tells a 1:1 call, a group call and a meeting apart by their thread, keeping a meeting’s thread out', () => {
    const oneToOne = new FakeCall('a');
    const group = new FakeCall('b');
    group.info.threadId = '19:3f2c1d@thread.v2';
    const meeting = new FakeCall('c');
    meeting.info.threadId = '19:meeting_NmQ1@thread.v2';
    const kinds = [oneToOne, group, meeting].map((call) => {
      const { events, subscription } = watch(call);
      subscription.unsubscribe();
      const { kind, threadId } = added(events);
      return { kind, threadId };
    });
    expect(kinds).toEqual([
      { kind: 'oneToOne', threadId: null },
      { kind: 'group', threadId: '19:3f2c1d@thread.v2' },
      { kind: 'meeting', threadId: null },
    ]);
  });

  it('reports a 1:1 call becoming a group call once it has a thread', () => {
    const call = new FakeCall();
    const { events, subscription } = watch(call);
    call.info.threadId = '19:3f2c1d@thread.v2';
    call.info.emit('callInfoChanged');
    expect(events.at(-1)).toEqual({
      type: 'callConversationChanged',
      id: 'call-1',
      kind: 'group',
      threadId: '19:3f2c1d@thread.v2',
    });
    subscription.unsubscribe();
    expect(call.info.listenerCount).toBe(0);
  });

  it('carries the capabilities in the first snapshot, then what changes', () => {
    const call = new FakeCall();
    const { events, subscription } = watch(call);
    expect(added(events).capabilities).toEqual({
      muteOthers: { isPresent: true, reason: 'Capable' },
      removeParticipant: { isPresent: false, reason: 'RoleRestricted' },
    });
    call.features.Capabilities.emit('capabilitiesChanged', {
      oldValue: { removeParticipant: { isPresent: false, reason: 'RoleRestricted' } },
      newValue: { removeParticipant: { isPresent: true, reason: 'Capable' } },
      reason: 'RoleChanged',
    });
    expect(events.at(-1)).toEqual({
      type: 'callCapabilitiesChanged',
      id: 'call-1',
      capabilities: { removeParticipant: { isPresent: true, reason: 'Capable' } },
    });
    subscription.unsubscribe();
  });

  it('leaves capabilities unknown when the backend has no Capabilities feature', () => {
    const call = new FakeCall();
    const unavailable = new Error('not available');
    call.feature = () => {
      throw unavailable;
    };
    const report = jasmine.createSpy('report');
    const events: CallingEvent[] = [];
    const subscription = callEvents(call as unknown as TeamsCall, () => 7, { features, report }).subscribe(
      (e) => events.push(e),
    );
    expect(added(events)).toEqual(jasmine.objectContaining({ capabilities: null, dominantSpeakers: [] }));
    expect(report.calls.allArgs()).toEqual([
      ["The call's Capabilities feature is not available: what it would say is unknown.", unavailable],
      ["The call's DominantSpeakers feature is not available: what it would say is unknown.", unavailable],
      ["The call's Recording feature is not available: what it would say is unknown.", unavailable],
      ["The call's Captions feature is not available: what it would say is unknown.", unavailable],
    ]);
    subscription.unsubscribe();
    expect(call.listenerCount).toBe(0);
  });

  it('reports the dominant speakers by raw id, most dominant first', () => {
    const call = new FakeCall();
    const { events, subscription } = watch(call);
    call.features.DominantSpeakers.dominantSpeakers = {
      speakersList: [
        { kind: 'phoneNumber', phoneNumber: '+14255550123', rawId: '4:+14255550123' },
        { kind: 'microsoftTeamsUser', microsoftTeamsUserId: 'drew', rawId: '8:orgid:drew' },
      ],
      timestamp: new Date(0),
    };
    call.features.DominantSpeakers.emit('dominantSpeakersChanged');
    expect(events.at(-1)).toEqual({
      type: 'callDominantSpeakersChanged',
      id: 'call-1',
      dominantSpeakers: ['4:+14255550123', '8:orgid:drew'],
    });
    subscription.unsubscribe();
  });

  it('says when another participant muted the agent, and when the camera turns on', () => {
    const call = new FakeCall();
    const { events, subscription } = watch(call);
    call.isMuted = true;
    call.emit('isMutedChanged');
    call.emit('mutedByOthers');
    call.isLocalVideoStarted = true;
    call.emit('isLocalVideoStartedChanged');
    call.emit('localVideoStreamsUpdated', { added: [], removed: [] });
    expect(events.slice(-3)).toEqual([
      { type: 'callMutedChanged', id: 'call-1', isMuted: true },
      { type: 'callMutedByOthers', id: 'call-1', at: 7 },
      { type: 'callLocalVideoChanged', id: 'call-1', isLocalVideoStarted: true },
    ]);
    subscription.unsubscribe();
  });

  it('follows a participant’s video as streams come, turn available and go', () => {
    const call = new FakeCall();
    const drew = new FakeParticipant();
    drew.identifier = { phoneNumber: '+14255550199', rawId: '4:+14255550199' };
    const { events, subscription } = watch(call);
    call.remoteParticipants = [...call.remoteParticipants, drew];
    call.emit('remoteParticipantsUpdated', { added: [drew], removed: [] });

    const stream = new FakeVideoStream(3);
    drew.videoStreams = [stream];
    drew.emit('videoStreamsUpdated', { added: [stream], removed: [] });
    stream.isAvailable = true;
    stream.emit('isAvailableChanged');
    const videoOf = (e: CallingEvent) =>
      e.type === 'participantChanged' ? e.changes.videoStreams : undefined;
    expect(events.slice(-2).map(videoOf)).toEqual([
      [{ id: 3, mediaStreamType: 'Video', isAvailable: false }],
      [{ id: 3, mediaStreamType: 'Video', isAvailable: true }],
    ]);

    drew.videoStreams = [];
    drew.emit('videoStreamsUpdated', { added: [], removed: [stream] });
    expect(videoOf(events.at(-1)!)).toEqual([]);
    expect(stream.listenerCount).toBe(0);

    call.emit('remoteParticipantsUpdated', { added: [], removed: [drew] });
    expect(drew.listenerCount).toBe(0);
    subscription.unsubscribe();
  });
});
