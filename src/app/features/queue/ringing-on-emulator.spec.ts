import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient } from '../../../../emulator/client';
import { AUDIO_CONTEXT_FACTORY } from '../../core/ringtone';
import { FakeAudioContext, fakeAudioContextFactory } from '../../core/testing/fake-audio-context';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { startEmulatedConsole } from '../../state/testing/emulated-console';
import { RingingAlerts } from './ringing-alerts';

/** Alex's console with its ringing alerts, on a page already used (sound may play). */
async function alexsConsole() {
  const audio = new FakeAudioContext();
  audio.useThePage();
  const app = await startEmulatedConsole('alex', {
    providers: [{ provide: AUDIO_CONTEXT_FACTORY, useValue: fakeAudioContextFactory(audio) }],
  });
  TestBed.inject(Title).setTitle('Switchboard');
  TestBed.inject(RingingAlerts);
  return { app, audio, title: () => TestBed.inject(Title).getTitle() };
}

describe('ringing on the emulator', () => {
  it('rings while a queue call rings, and falls silent once the agent accepts it', async () => {
    const { app, audio, title } = await alexsConsole();
    const id = app.emulator.world.enqueuePhoneCall({
      displayName: 'Robin Park',
      queue: 'Billing',
      patienceMs: 60_000,
      talkMs: 60_000,
    });
    await app.settle();
    expect(audio.sounding).toBeGreaterThan(0);
    expect(title()).toBe('Ringing: Robin Park · Switchboard');

    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    expect(audio.sounding).toBe(0);
    await app.settle();
    expect(audio.sounding).toBe(0);
    expect(title()).toBe('Switchboard');
  });

  it('falls silent when another agent takes the call, or the caller hangs up', async () => {
    const { app, audio, title } = await alexsConsole();
    const blake = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(app.emulator.tokenFor('blake')),
    );
    const atBlake: { accept(): Promise<unknown> }[] = [];
    const onIncoming = ({ incomingCall }: { incomingCall: { accept(): Promise<unknown> } }) =>
      atBlake.push(incomingCall);
    blake.on('incomingCall', onIncoming);
    app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 60_000 });
    app.emulator.world.enqueuePhoneCall({ patienceMs: 5_000, talkMs: 60_000 });
    await app.settle();
    expect(title()).toBe('Ringing (2) · Switchboard');

    await atBlake[0].accept();
    await app.settle();
    expect(audio.sounding).toBeGreaterThan(0);
    await app.advance(6_000);
    expect(audio.sounding).toBe(0);
    expect(title()).toBe('Switchboard');

    blake.off('incomingCall', onIncoming);
    await blake.dispose();
  });
});
