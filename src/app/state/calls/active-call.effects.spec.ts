import { participantsFeature } from '../participants/participants.feature';
import { selectActiveCallSummary } from '../participants/call-summaries';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { DtmfKeypadActions } from './dtmf-keypad.actions';
import { RosterActions } from '../participants/roster.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { inAGroupCall, PHONE } from '../testing/group-call';
import { callsFeature } from './calls.feature';

describe('the active call on the emulator', () => {
  it('names a group call by its size and people, with muting and removing allowed', async () => {
    const { app, blake, roster } = await inAGroupCall();
    const summary = app.state(selectActiveCallSummary)!;
    expect(summary.call).toEqual(
      jasmine.objectContaining({ kind: 'group', direction: 'Outgoing', state: 'Connected' }),
    );
    expect(summary.peopleCount).toBe(3);
    expect(summary.hasPhoneParty).toBeTrue();
    expect(summary.call.capabilities?.muteOthers).toEqual({ isPresent: true, reason: 'Capable' });
    expect(summary.call.capabilities?.removeParticipant).toEqual({ isPresent: true, reason: 'Capable' });
    expect(roster()).toEqual(
      jasmine.arrayWithExactContents([
        [blake.rawId, 'Connected', false],
        [`4:${PHONE}`, 'Connected', false],
      ]),
    );
    await blake.dispose();
  });

  it('names the Teams users in the roster from the directory (the SDK gives them no name)', async () => {
    const { app, blake } = await inAGroupCall();
    const names = app.state(participantsFeature.selectAllParticipants).map((p) => p.displayName);
    expect(names).toEqual(jasmine.arrayWithExactContents(['Blake Chen', null]));
    expect(app.state(selectActiveCallSummary)?.others.map((p) => p.displayName)).toContain('Blake Chen');
    await blake.dispose();
  });

  it('mutes one participant: the roster shows it, and their console hears it was muted by others', async () => {
    const { app, blake, blakeCall, callId, roster } = await inAGroupCall();
    let mutedByOthers = 0;
    const onMuted = () => mutedByOthers++;
    blakeCall.on('mutedByOthers', onMuted);
    app.store.dispatch(RosterActions.muteClicked({ callId, participantId: blake.rawId }));
    await app.settle();
    expect(roster()).toContain([blake.rawId, 'Connected', true]);
    expect(blakeCall.isMuted).toBeTrue();
    expect(mutedByOthers).toBe(1);
    expect(app.state(participantsFeature.selectAllParticipants).every((p) => p.pending === null)).toBeTrue();
    blakeCall.off('mutedByOthers', onMuted);
    await blake.dispose();
  });

  it('mutes all others at once', async () => {
    const { app, blake, callId, roster } = await inAGroupCall();
    app.store.dispatch(RosterActions.muteAllOthersClicked({ callId }));
    await app.settle();
    expect(roster().map(([, , isMuted]) => isMuted)).toEqual([true, true]);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ pending: null, failure: null, isMuted: false }),
    );
    await blake.dispose();
  });

  it('says "too many mute requests" with 429 after fifteen mute operations in thirty seconds', async () => {
    const { app, blake, callId } = await inAGroupCall();
    for (let i = 0; i < 15; i++) {
      app.store.dispatch(
        i % 2 === 0
          ? ActiveCallPanelActions.muteClicked({ callId })
          : ActiveCallPanelActions.unmuteClicked({ callId }),
      );
      await app.settle();
    }
    app.store.dispatch(RosterActions.muteClicked({ callId, participantId: blake.rawId }));
    await app.settle();
    const drew = app
      .state(participantsFeature.selectAllParticipants)
      .find((p) => p.participantId === blake.rawId)!;
    expect(drew.failure).toEqual({
      message: 'Too many mute requests in a short time. Wait a few seconds and try again.',
      code: 429,
      operation: 'muteParticipant',
    });
    expect(drew.isMuted).toBeFalse();

    await app.advance(30_000);
    app.store.dispatch(RosterActions.muteClicked({ callId, participantId: blake.rawId }));
    await app.settle();
    expect(
      app.state(participantsFeature.selectAllParticipants).find((p) => p.participantId === blake.rawId),
    ).toEqual(jasmine.objectContaining({ isMuted: true, failure: null }));
    await blake.dispose();
  });

  it('removes a participant from the call, and the call goes on', async () => {
    const { app, blake, callId, roster } = await inAGroupCall();
    app.store.dispatch(RosterActions.removeClicked({ callId, participantId: `4:${PHONE}` }));
    await app.settle();
    expect(roster()).toEqual([[blake.rawId, 'Connected', false]]);
    expect(app.state(selectActiveCallSummary)).toEqual(
      jasmine.objectContaining({ peopleCount: 2, hasPhoneParty: false }),
    );
    await blake.dispose();
  });

  it('tells the agent another participant muted them, until they unmute', async () => {
    const { app, blakeCall, blake, callId } = await inAGroupCall();
    const alexId = app.emulator.world.directory.user('alex')!.microsoftTeamsUserId;
    const alex = blakeCall.remoteParticipants.find(
      (p) => p.identifier.kind === 'microsoftTeamsUser' && p.identifier.microsoftTeamsUserId === alexId,
    )!;
    await alex.mute();
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ isMuted: true, mutedByOthersAt: jasmine.any(Number) }),
    );
    app.store.dispatch(ActiveCallPanelActions.unmuteClicked({ callId }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ isMuted: false, mutedByOthersAt: null }),
    );
    await blake.dispose();
  });

  it('sends DTMF tones to the phone party, in the order pressed, and shows them', async () => {
    const app = await startEmulatedConsole('alex');
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    for (const tone of ['Num1', 'Num2', 'Pound'] as const)
      app.store.dispatch(DtmfKeypadActions.tonePressed({ callId: id, tone }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.dtmfSent).toEqual(['Num1', 'Num2', 'Pound']);
    const sent = app.emulator.world.snapshot().calls.flatMap((call) => call.dtmf.map((d) => d.tone));
    expect(sent).toEqual(['Num1', 'Num2', 'Pound']);
  });

  it('keeps Mute and Remove from a 1:1 call, saying they do not apply to it', async () => {
    const app = await startEmulatedConsole('alex');
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.capabilities).toEqual(
      jasmine.objectContaining({
        muteOthers: { isPresent: false, reason: 'CapabilityNotApplicableForTheCallType' },
        removeParticipant: { isPresent: false, reason: 'CapabilityNotApplicableForTheCallType' },
      }),
    );
  });

  it('joins a meeting as an attendee: waits in the lobby, then may not remove or mute others', async () => {
    const app = await startEmulatedConsole('alex');
    const huddle = app.emulator.world.meetings.list().find((m) => m.lobby && m.presenters === 'organizer')!;
    app.registry.agent.join({ meetingLink: huddle.link });
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ kind: 'meeting', threadId: null, state: 'InLobby' }),
    );
    await app.advance(huddle.autoAdmitMs);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({
        state: 'Connected',
        role: 'Attendee',
        capabilities: jasmine.objectContaining({
          removeParticipant: { isPresent: false, reason: 'RoleRestricted' },
          muteOthers: { isPresent: false, reason: 'RoleRestricted' },
        }),
      }),
    );
  });

  it('reports a refused control with the SDK’s code, and leaves the roster as it was', async () => {
    const { app, blake, callId, roster } = await inAGroupCall();
    app.emulator.world.faults.failNext('removeParticipant', { code: 500 });
    app.store.dispatch(RosterActions.removeClicked({ callId, participantId: blake.rawId }));
    await app.settle();
    expect(roster().length).toBe(2);
    expect(
      app.state(participantsFeature.selectAllParticipants).find((p) => p.participantId === blake.rawId)
        ?.failure,
    ).toEqual({
      message: 'The calling service had a problem. Try again.',
      code: 500,
      operation: 'removeParticipant',
    });
    await blake.dispose();
  });

  it('leaks no listener once a group call with roster operations ends', async () => {
    const { app, signedIn, blake, callId } = await inAGroupCall();
    app.store.dispatch(RosterActions.muteClicked({ callId, participantId: blake.rawId }));
    app.store.dispatch(RosterActions.removeClicked({ callId, participantId: `4:${PHONE}` }));
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId }));
    await app.settle();
    await blake.dispose();
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    expect(app.listenerCount()).toBe(signedIn);
    expect(app.registry.size).toBe(1);
  });
});
