import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Title } from '@angular/platform-browser';
import { provideState, Store } from '@ngrx/store';
import { NOTIFICATIONS, PAGE_HIDDEN } from '../../core/desktop-alerts';
import { AUDIO_CONTEXT_FACTORY } from '../../core/ringtone';
import { FakeAudioContext, fakeAudioContextFactory } from '../../core/testing/fake-audio-context';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { SettingsPageActions } from '../../state/settings/settings-page.actions';
import { settingsFeature } from '../../state/settings/settings.feature';
import { incomingCall } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { QueuePanelComponent } from './queue-panel.component';
import { QueuePanelHarness } from './queue-panel.harness';
import { RingingAlerts } from './ringing-alerts';

const robin = (id: string, queue = 'Billing') => ({
  ...incomingCall(id, 1_000, queue),
  caller: { identity: null, displayName: 'Robin Park' },
});

/** The browser's notifications, as the page would raise them. */
class FakeNotifications {
  static permission: NotificationPermission = 'granted';
  static raised: FakeNotifications[] = [];
  closed = false;
  onclick: (() => void) | null = null;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotifications.raised.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

describe('ringing alerts', () => {
  let audio: FakeAudioContext;
  const hidden = signal(false);

  function setUp() {
    audio = new FakeAudioContext();
    FakeNotifications.raised = [];
    FakeNotifications.permission = 'granted';
    hidden.set(false);
    TestBed.configureTestingModule({
      providers: [
        provideTestState(),
        provideState(settingsFeature),
        { provide: AUDIO_CONTEXT_FACTORY, useValue: fakeAudioContextFactory(audio) },
        { provide: NOTIFICATIONS, useValue: FakeNotifications },
        { provide: PAGE_HIDDEN, useValue: () => hidden() },
      ],
    });
    TestBed.inject(Title).setTitle('Switchboard');
    TestBed.inject(RingingAlerts);
    const store = TestBed.inject(Store);
    const ring = (...calls: ReturnType<typeof robin>[]) =>
      store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: calls }));
    return { store, ring, title: () => TestBed.inject(Title).getTitle() };
  }

  it('rings while a call rings and stops the moment none does', async () => {
    const { store, ring } = setUp();
    audio.useThePage();
    expect(audio.sounding).toBe(0);
    ring(robin('a'));
    await Promise.resolve();
    expect(audio.sounding).toBeGreaterThan(0);
    ring(robin('b'));
    store.dispatch(
      CallingSdkEvents.incomingCallEnded({ id: 'a', callEndReason: { code: 487, subCode: 10003 } }),
    );
    expect(audio.sounding).toBeGreaterThan(0);
    store.dispatch(QueuePanelActions.acceptClicked({ id: 'b' }));
    expect(audio.sounding).toBe(0);
  });

  it('plays nothing when the agent turned the ringtone off', async () => {
    const { store, ring } = setUp();
    audio.useThePage();
    store.dispatch(SettingsPageActions.settingsChanged({ changes: { sound: false } }));
    ring(robin('a'));
    await Promise.resolve();
    expect(audio.sounding).toBe(0);
  });

  it('names the caller in the tab’s title, counts several, and puts the title back after', () => {
    const { store, ring, title } = setUp();
    ring(robin('a'));
    expect(title()).toBe('Ringing: Robin Park · Switchboard');
    ring(robin('b'), robin('c'));
    expect(title()).toBe('Ringing (3) · Switchboard');
    for (const id of ['a', 'b', 'c'])
      store.dispatch(CallingSdkEvents.incomingCallEnded({ id, callEndReason: { code: 487, subCode: 0 } }));
    expect(title()).toBe('Switchboard');
  });

  it('raises a desktop notification only while the tab is hidden and notifications are allowed', () => {
    const { store, ring } = setUp();
    ring(robin('seen'));
    expect(FakeNotifications.raised).toEqual([]);

    hidden.set(true);
    ring(robin('hidden'));
    expect(FakeNotifications.raised.map((n) => [n.title, n.options.body])).toEqual([
      ['Call from Robin Park', 'Billing queue'],
    ]);

    store.dispatch(SettingsPageActions.settingsChanged({ changes: { desktopAlerts: false } }));
    expect(FakeNotifications.raised[0].closed).toBeTrue();
    ring(robin('off'));
    store.dispatch(SettingsPageActions.settingsChanged({ changes: { desktopAlerts: true } }));
    FakeNotifications.permission = 'denied';
    ring(robin('denied'));
    expect(FakeNotifications.raised.length).toBe(1);
  });

  it('takes a call’s notification down once it stops ringing, and brings the tab forward on a click', () => {
    const { store, ring } = setUp();
    hidden.set(true);
    ring(robin('a'));
    const focus = spyOn(window, 'focus');
    FakeNotifications.raised[0].onclick?.();
    expect(focus).toHaveBeenCalled();
    ring(robin('b'));
    store.dispatch(CallingSdkEvents.incomingCallEnded({ id: 'b', callEndReason: { code: 487, subCode: 0 } }));
    expect(FakeNotifications.raised[1].closed).toBeTrue();
  });

  it('announces each new call for screen readers, and says when the browser blocks the sound', async () => {
    const { ring } = setUp();
    const fixture = TestBed.createComponent(QueuePanelComponent);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, QueuePanelHarness);
    ring(robin('a'));
    expect(await panel.getAnnouncement()).toBe('Call from Robin Park, Billing queue.');
    expect(await panel.getSoundNotice()).toBe('Sound is off: your browser blocks it until you use the page.');
    expect(audio.sounding).toBe(0);

    audio.useThePage();
    await panel.turnOnSound();
    expect(await panel.getSoundNotice()).toBeNull();
    expect(audio.sounding).toBeGreaterThan(0);

    ring(robin('b', 'Sales'));
    expect(await panel.getAnnouncement()).toBe('Call from Robin Park, Sales queue.');
  });
});
