import {
  callingEvents,
  type CallingEvent,
  type CallingEventPayloads,
  type CallingEventType,
} from '../calling/calling-events';
import {
  mergeParticipantChange,
  mergePerFrame,
  participantChangeKey,
  perFrameAction,
  perFrameKey,
  toCallingSdkAction,
  toParticipantChange,
  type PerFrameEvent,
} from './calling-event-actions';
import {
  CallingSdkEvents,
  directCallingEventTypes,
  type DirectCallingEventType,
} from './calling-sdk.actions';
import { call, incomingCall, participant } from './testing/snapshots';

/** One event of every kind in the table: a kind added without its sample does not compile. */
const samples: { readonly [K in CallingEventType]: CallingEvent<K> } = {
  agentReady: { type: 'agentReady', connectionState: 'Connected' },
  connectionStateChanged: {
    type: 'connectionStateChanged',
    connectionState: 'Disconnected',
    reason: 'connectionIssue',
  },
  agentRetryScheduled: {
    type: 'agentRetryScheduled',
    attempt: 1,
    at: 1_000,
    retryInMs: 1_000,
    failure: null,
  },
  incomingCallReceived: { type: 'incomingCallReceived', incomingCall: incomingCall('in-1', 1_000) },
  incomingCallEnded: { type: 'incomingCallEnded', id: 'in-1', callEndReason: { code: 0, subCode: 0 } },
  serverCallIdKnown: { type: 'serverCallIdKnown', id: 'c-1', serverCallId: 'server-call-1' },
  callAdded: { type: 'callAdded', call: call('c-1') },
  callStateChanged: { type: 'callStateChanged', id: 'c-1', state: 'Connected', at: 2_000 },
  callIdChanged: { type: 'callIdChanged', previousId: 'c-0', id: 'c-1' },
  callMutedChanged: { type: 'callMutedChanged', id: 'c-1', isMuted: true },
  callMutedByOthers: { type: 'callMutedByOthers', id: 'c-1', at: 3_000 },
  callConversationChanged: {
    type: 'callConversationChanged',
    id: 'c-1',
    kind: 'group',
    threadId: '19:chat@thread.v2',
  },
  callRoleChanged: { type: 'callRoleChanged', id: 'c-1', role: 'Presenter' },
  callTransferorChanged: { type: 'callTransferorChanged', id: 'c-1', transferredBy: 'Alex Rivera' },
  callLocalVideoChanged: { type: 'callLocalVideoChanged', id: 'c-1', isLocalVideoStarted: true },
  callCapabilitiesChanged: {
    type: 'callCapabilitiesChanged',
    id: 'c-1',
    capabilities: { muteOthers: { isPresent: false, reason: 'RoleRestricted' } },
  },
  callDominantSpeakersChanged: { type: 'callDominantSpeakersChanged', id: 'c-1', dominantSpeakers: ['p-1'] },
  callRecordingChanged: {
    type: 'callRecordingChanged',
    id: 'c-1',
    recording: { isRecordingActive: true, isTeamsConsentRequired: true },
  },
  callCaptionsActiveChanged: { type: 'callCaptionsActiveChanged', id: 'c-1', active: true },
  captionReceived: {
    type: 'captionReceived',
    callId: 'c-1',
    caption: {
      speaker: { identity: null, displayName: 'Robin Park' },
      text: 'Hello',
      resultType: 'Partial',
      spokenAt: 3_500,
      language: 'en-us',
    },
  },
  callEnded: { type: 'callEnded', id: 'c-1', callEndReason: { code: 0, subCode: 0 }, at: 4_000 },
  participantsAdded: { type: 'participantsAdded', callId: 'c-1', participants: [participant('c-1', 'p-1')] },
  participantChanged: {
    type: 'participantChanged',
    callId: 'c-1',
    participantId: 'p-1',
    changes: { isSpeaking: true },
  },
  participantRemoved: {
    type: 'participantRemoved',
    callId: 'c-1',
    participantId: 'p-1',
    callEndReason: null,
  },
};

/**
 * Each direct kind's action creator takes exactly the kind's payload (both ways), or this does not
 * compile: the action group and the table cannot drift apart.
 */
type SamePayload<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const payloadsMatch: {
  readonly [K in DirectCallingEventType]: SamePayload<
    Parameters<(typeof CallingSdkEvents)[K]>[0],
    CallingEventPayloads[K]
  >;
} = Object.fromEntries(directCallingEventTypes.map((type) => [type, true])) as {
  readonly [K in DirectCallingEventType]: true;
};

const payloadOf = ({ type: _type, ...payload }: CallingEvent): object => payload;

describe('calling SDK events to actions', () => {
  it('has a sample of every kind in the table', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(callingEvents).sort());
  });

  it('makes every kind but the coalesced ones its own action', () => {
    expect([...directCallingEventTypes, 'participantChanged', 'incomingCallReceived'].sort()).toEqual(
      Object.keys(callingEvents).sort(),
    );
    expect(Object.values(payloadsMatch).every(Boolean)).toBeTrue();
  });

  for (const type of directCallingEventTypes) {
    it(`turns ${type} into its "Calling SDK" action, with the same payload`, () => {
      const event = samples[type];
      const action = toCallingSdkAction(event);
      expect(action).toEqual({ ...payloadOf(event), type: CallingSdkEvents[type].type });
      expect(action).toEqual(CallingSdkEvents[type](payloadOf(event) as never));
    });
  }

  it('keeps the action types the bridges have always been logged under', () => {
    expect(toCallingSdkAction(samples.callStateChanged).type).toBe('[Calling SDK] Call State Changed');
    expect(toCallingSdkAction(samples.connectionStateChanged).type).toBe(
      '[Calling SDK] Connection State Changed',
    );
    expect(toCallingSdkAction(samples.callMutedByOthers).type).toBe('[Calling SDK] Call Muted By Others');
    expect(toCallingSdkAction(samples.callDominantSpeakersChanged).type).toBe(
      '[Calling SDK] Call Dominant Speakers Changed',
    );
  });

  it('coalesces participant changes into "Participants Changed", later changes winning', () => {
    const first = samples.participantChanged;
    const second: CallingEvent<'participantChanged'> = { ...first, changes: { isMuted: true } };
    const merged = mergeParticipantChange(first, second);
    expect(participantChangeKey(merged)).toBe('c-1|p-1');
    expect(CallingSdkEvents.participantsChanged({ changes: [toParticipantChange(merged)] })).toEqual({
      type: '[Calling SDK] Participants Changed',
      changes: [{ callId: 'c-1', participantId: 'p-1', changes: { isSpeaking: true, isMuted: true } }],
    });
  });

  it('folds a frame’s dominant speakers into its "Participants Changed": one action a frame', () => {
    const spoke = samples.participantChanged;
    const led = (ids: string[]): PerFrameEvent => ({
      type: 'callDominantSpeakersChanged',
      id: 'c-1',
      dominantSpeakers: ids,
    });
    expect(perFrameKey(led(['p-1']))).not.toBe(perFrameKey(spoke));
    expect(mergePerFrame(led(['p-1']), led(['p-2', 'p-1']))).toEqual(led(['p-2', 'p-1']));
    expect(perFrameAction([spoke, led(['p-2', 'p-1'])])).toEqual(
      CallingSdkEvents.participantsChanged({
        changes: [toParticipantChange(spoke)],
        dominantSpeakers: [{ id: 'c-1', dominantSpeakers: ['p-2', 'p-1'] }],
      }),
    );
    expect(perFrameAction([spoke])).toEqual(
      CallingSdkEvents.participantsChanged({ changes: [toParticipantChange(spoke)] }),
    );
    // A frame with only who leads is that call's own action, as it always was.
    expect(perFrameAction([led(['p-1'])])).toEqual(
      CallingSdkEvents.callDominantSpeakersChanged({ id: 'c-1', dominantSpeakers: ['p-1'] }),
    );
  });
});
