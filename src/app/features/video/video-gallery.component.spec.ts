import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Store } from '@ngrx/store';
import { VideoViews } from '../../core/video-views';
import { type ShownVideo, type VideoSource } from '../../model/video-source';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { ActiveCallPanelComponent } from '../active-call/active-call-panel.component';
import { VideoGalleryHarness } from './video-gallery.harness';

/**
 * Which tiles the active call shows, and when their views are created and disposed. Rendering
 * itself is tested with the SDK's renderer on the emulator; here a stand-in records what a tile
 * asks of it.
 */
class RecordingRenderer {
  readonly showing = new Map<string, number>();
  readonly shown: string[] = [];
  readonly failures = new Map<string, string>();

  show(source: VideoSource, host: HTMLElement, onFailure: (message: string) => void): ShownVideo {
    const key = source.kind === 'local' ? 'local' : `${source.participantId}#${source.streamId}`;
    this.shown.push(key);
    this.showing.set(key, (this.showing.get(key) ?? 0) + 1);
    host.replaceChildren(document.createElement('video'));
    const failure = this.failures.get(key);
    if (failure) queueMicrotask(() => onFailure(failure));
    return {
      ready: Promise.resolve(!failure),
      stop: () => this.showing.set(key, this.showing.get(key)! - 1),
    };
  }
}

describe('VideoGalleryComponent in the active call', () => {
  async function setUp() {
    const renderer = new RecordingRenderer();
    TestBed.configureTestingModule({
      providers: [...provideTestState(signal(0)), { provide: VideoViews, useValue: renderer }],
    });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }));
    await fixture.whenStable();
    const video = (isAvailable: boolean) =>
      CallingSdkEvents.participantsChanged({
        changes: [
          {
            callId: 'c1',
            participantId: '4:+14255550123',
            changes: { videoStreams: [{ id: 2, mediaStreamType: 'Video', isAvailable }] },
          },
        ],
      });
    return { fixture, store, loader, renderer, video };
  }

  it('shows no video until someone’s camera is on', async () => {
    const { loader } = await setUp();
    expect(await loader.getAllHarnesses(VideoGalleryHarness)).toEqual([]);
  });

  it('shows the agent’s preview first, then each participant sending video', async () => {
    const { store, loader, video } = await setUp();
    store.dispatch(CallingSdkEvents.callLocalVideoChanged({ id: 'c1', isLocalVideoStarted: true }));
    store.dispatch(video(true));
    const gallery = await loader.getHarness(VideoGalleryHarness);
    expect(await gallery.getLabels()).toEqual(['Your camera', 'Dana Smith']);
    expect(await Promise.all((await gallery.getTiles()).map((tile) => tile.hasVideo()))).toEqual([
      true,
      true,
    ]);
  });

  it('keeps a tile’s view through other changes, and disposes it when the video stops', async () => {
    const { fixture, store, renderer, video } = await setUp();
    store.dispatch(video(true));
    await fixture.whenStable();
    store.dispatch(
      CallingSdkEvents.participantsChanged({
        changes: [{ callId: 'c1', participantId: '4:+14255550123', changes: { isSpeaking: true } }],
      }),
    );
    await fixture.whenStable();
    expect(renderer.shown).toEqual(['4:+14255550123#2']);
    store.dispatch(video(false));
    await fixture.whenStable();
    expect(renderer.showing.get('4:+14255550123#2')).toBe(0);
  });

  it('disposes every view when the call ends', async () => {
    const { fixture, store, renderer, video } = await setUp();
    store.dispatch(CallingSdkEvents.callLocalVideoChanged({ id: 'c1', isLocalVideoStarted: true }));
    store.dispatch(video(true));
    await fixture.whenStable();
    store.dispatch(CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0 }, at: 1 }));
    await fixture.whenStable();
    expect([...renderer.showing.values()]).toEqual([0, 0]);
  });

  it('says so on the tile when a video cannot be shown', async () => {
    const { fixture, store, loader, renderer, video } = await setUp();
    renderer.failures.set('4:+14255550123#2', 'This video has stopped.');
    store.dispatch(video(true));
    await fixture.whenStable();
    const [tile] = await (await loader.getHarness(VideoGalleryHarness)).getTiles();
    expect(await tile.getFailure()).toBe('This video has stopped.');
  });
});
