import { TestBed } from '@angular/core/testing';
import type { DominantSpeakersCallFeature } from '@azure/communication-calling';
import { ActionsSubject, type Action } from '@ngrx/store';
import { VirtualTimeScheduler } from 'rxjs';
import { Features } from '../../../../emulator/client';
import { toDominantSpeakers } from '../../calling/dominant-speakers.bridge';
import { callsFeature } from '../calls/calls.feature';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { FRAME_SCHEDULER } from '../coalesce-per-frame';
import { startEmulatedConsole } from '../testing/emulated-console';
import { participantsFeature } from './participants.feature';

/** World time between two animation frames: a slow machine's 20 frames a second. */
const FRAME_MS = 50;

describe('a speaker storm reaching the store', () => {
  it('commits at most once per animation frame, the store agreeing with the meeting after each', async () => {
    // Frames come only when the test says: everything between two is one frame's worth.
    const frames = new VirtualTimeScheduler();
    const app = await startEmulatedConsole('alex', {
      providers: [{ provide: FRAME_SCHEDULER, useValue: frames }],
    });
    const { world } = app.emulator;
    const meeting = world.meetings.create({ organizer: 'riley', lobby: false, generatedAttendees: 350 });
    app.registry.agent.join({ meetingLink: meeting.link });
    await app.settle();
    frames.flush();
    await app.settle();
    const inStore = () => app.state(participantsFeature.selectAllParticipants);
    expect(inStore().length).toBe(350);

    // Every action is a store commit: the storm's speakers and who leads them alike.
    const commits: Action[] = [];
    const watching = TestBed.inject(ActionsSubject).subscribe((action) => commits.push(action));
    commits.length = 0;
    const storm = world.speakerStorms.start(meeting.key, { perSecond: 1000, seconds: 1 });
    const speakingInWorld = () => {
      const call = world.calls.all.get(meeting.callId!)!;
      return [...call.parties.values()].filter((party) => party.isSpeaking).map((party) => party.id);
    };
    const speakingInStore = () =>
      inStore()
        .filter((p) => p.isSpeaking)
        .map((p) => p.participantId);

    for (let frame = 1; frame <= 1000 / FRAME_MS; frame++) {
      await app.advance(FRAME_MS);
      expect(commits.length)
        .withContext('nothing reaches the store between frames')
        .toBe(frame - 1);
      frames.flush();
      await app.settle();
      expect(commits.length).withContext(`one commit at frame ${frame}`).toBe(frame);
      expect(commits[frame - 1].type).toBe(CallingSdkEvents.participantsChanged.type);
      expect(speakingInStore().sort()).toEqual(speakingInWorld().sort());
    }
    expect(storm.flips).toBe(1000);
    // Who leads came in the same commits, as the SDK's feature says it.
    const [call] = app.registry.agent.calls;
    const feature = call.feature(Features.DominantSpeakers as never) as DominantSpeakersCallFeature;
    expect(app.state(callsFeature.selectActiveCall)?.dominantSpeakers).toEqual(toDominantSpeakers(feature));
    expect(toDominantSpeakers(feature).length).toBeGreaterThan(0);
    watching.unsubscribe();
    // A join of 350 and twenty frames take more than Jasmine's default 5 s on a loaded machine.
  }, 30_000);
});
