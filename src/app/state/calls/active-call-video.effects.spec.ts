import { TestBed } from '@angular/core/testing';
import { Actions, ofType } from '@ngrx/effects';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import type {
  LocalVideoStream as SdkLocalVideoStream,
  RemoteParticipant,
} from '@azure/communication-calling';
import { LocalVideoStream } from '../../../../emulator/client';
import { VideoRenderer } from '../../calling/video-renderer';
import { type VideoSource } from '../../model/video-source';
import type { CallOperation } from '../../calling/calling-codes';
import { CallingApiActions } from '../calling-api.actions';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { participantsFeature } from '../participants/participants.feature';
import { inAGroupCall } from '../testing/group-call';
import { callsFeature } from './calls.feature';

/** Video in a group call, with Chromium's fake camera (Karma launches it with fake devices). */
describe('video in the active call, on the emulator', () => {
  const isAlex = (p: RemoteParticipant) =>
    p.identifier.kind === 'microsoftTeamsUser' && p.identifier.microsoftTeamsUserId.endsWith('a001');

  /**
   * Clicks a camera control and waits for its outcome: the camera is the browser's (its permission
   * and `getUserMedia` take real time), so the test waits for the control's reported end.
   */
  async function click(
    app: Awaited<ReturnType<typeof inAGroupCall>>['app'],
    operation: Extract<CallOperation, 'startVideo' | 'stopVideo'>,
    callId: string,
  ) {
    const outcome = firstValueFrom(
      TestBed.inject(Actions).pipe(
        ofType(CallingApiActions.callOperationSucceeded, CallingApiActions.callOperationFailed),
        filter((action) => action.operation === operation && action.callId === callId),
      ),
    );
    app.store.dispatch(
      operation === 'startVideo'
        ? ActiveCallPanelActions.startVideoClicked({ callId })
        : ActiveCallPanelActions.stopVideoClicked({ callId }),
    );
    await outcome;
    await app.settle();
  }

  /** Shows a video the way a tile does, and says what the element holds once it is ready. */
  async function render(source: VideoSource) {
    const host = document.createElement('div');
    const failures: string[] = [];
    const shown = TestBed.inject(VideoRenderer).show(source, host, (message) => failures.push(message));
    const ready = await shown.ready;
    return { host, shown, ready, failures };
  }

  it('turns the agent’s camera on: the others see the video, and the preview shows the camera', async () => {
    const { app, blake, blakeCall, callId } = await inAGroupCall();
    await click(app, 'startVideo', callId);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ isLocalVideoStarted: true, pending: null, failure: null }),
    );
    const alexSeenByBlake = blakeCall.remoteParticipants.find(isAlex)!;
    expect(alexSeenByBlake.videoStreams.map((s) => s.isAvailable)).toEqual([true]);

    const preview = await render({ kind: 'local', callId });
    expect(preview.ready).toBeTrue();
    expect(preview.host.querySelector('video')).not.toBeNull();
    preview.shown.stop();
    expect(preview.host.childElementCount).toBe(0);

    await click(app, 'stopVideo', callId);
    expect(app.state(callsFeature.selectActiveCall)?.isLocalVideoStarted).toBeFalse();
    expect(alexSeenByBlake.videoStreams.every((s) => !s.isAvailable)).toBeTrue();
    await blake.dispose();
  });

  it('shows a participant’s video while their camera is on, and says when it has stopped', async () => {
    const { app, blake, blakeCall, callId } = await inAGroupCall();
    const [camera] = await (await blake.client.getDeviceManager()).getCameras();
    const blakeCamera = new LocalVideoStream(camera) as unknown as SdkLocalVideoStream;
    await blakeCall.startVideo(blakeCamera);
    await app.settle();
    const blakeInRoster = app
      .state(participantsFeature.selectAllParticipants)
      .find((p) => p.participantId === blake.rawId)!;
    const [stream] = blakeInRoster.videoStreams;
    expect(stream).toEqual(jasmine.objectContaining({ mediaStreamType: 'Video', isAvailable: true }));

    const tile = await render({ kind: 'remote', callId, participantId: blake.rawId, streamId: stream.id });
    expect(tile.ready).toBeTrue();
    expect(tile.host.querySelector('video')).not.toBeNull();
    expect(TestBed.inject(VideoRenderer).liveViews).toBe(1);
    tile.shown.stop();
    expect(TestBed.inject(VideoRenderer).liveViews).toBe(0);

    await blakeCall.stopVideo(blakeCamera);
    await app.settle();
    const stopped = await render({ kind: 'remote', callId, participantId: blake.rawId, streamId: stream.id });
    expect(stopped.ready).toBeFalse();
    expect(stopped.failures).toEqual(['This video has stopped.']);
    blakeCamera.dispose();
    await blake.dispose();
  });

  it('says why the camera could not be turned on, with the SDK’s code', async () => {
    const { app, blake, callId } = await inAGroupCall();
    app.emulator.world.faults.failNext('startVideo', { code: 400, subCode: 41025 });
    await click(app, 'startVideo', callId);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({
        isLocalVideoStarted: false,
        failure: {
          message: 'Your camera could not be started. Try again.',
          code: 400,
          subCode: 41025,
          operation: 'startVideo',
        },
      }),
    );
    await blake.dispose();
  });

  it('leaks no listener and no view once a call with video ends', async () => {
    const { app, signedIn, blake, blakeCall, callId } = await inAGroupCall();
    const [camera] = await (await blake.client.getDeviceManager()).getCameras();
    const blakeCamera = new LocalVideoStream(camera) as unknown as SdkLocalVideoStream;
    await blakeCall.startVideo(blakeCamera);
    await click(app, 'startVideo', callId);
    const [stream] = app
      .state(participantsFeature.selectAllParticipants)
      .find((p) => p.participantId === blake.rawId)!.videoStreams;
    const preview = await render({ kind: 'local', callId });
    const tile = await render({ kind: 'remote', callId, participantId: blake.rawId, streamId: stream.id });
    expect([preview.ready, tile.ready]).toEqual([true, true]);

    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId }));
    await app.settle();
    // The tiles go with the call (the panel destroys them): their views are disposed.
    preview.shown.stop();
    tile.shown.stop();
    blakeCamera.dispose();
    await blake.dispose();
    expect(TestBed.inject(VideoRenderer).liveViews).toBe(0);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    expect(app.listenerCount()).toBe(signedIn);
  });
});
