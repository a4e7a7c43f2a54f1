import { TestBed } from '@angular/core/testing';
import { Actions } from '@ngrx/effects';
import { phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import type { TeamsCloud } from '../../model/identity';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { PHONE_PARTICIPANT_ID } from '../../graph/graph.service';
import { inProcessGraph } from '../../graph/testing/in-process-graph';
import { callsFeature } from '../calls/calls.feature';
import { participantsFeature } from '../participants/participants.feature';
import { AddParticipantDialogActions } from './add-participant-dialog.actions';
import { RosterActions } from '../participants/roster.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { selectTeamsCloud } from '../agent/agent.feature';
import { startEmulatedConsole } from '../testing/emulated-console';
import { participantAdditionsFeature } from './participant-additions.feature';

/** A number as the dialer makes it a target: E.164, shown grouped. */
const phone = (e164: string) => phoneNumberTarget(e164, formatPhoneNumberAsTyped(e164));

const ALEX = '00000000-0000-4000-8000-00000000a001';
const RILEY = '00000000-0000-4000-8000-00000000b001';
const JORDAN = '00000000-0000-4000-8000-00000000b002';

/** Teams users' raw ids as ACS reports them in each cloud. */
const TEAMS_USER_PREFIX: Record<TeamsCloud, string> = { public: '8:orgid:', gcch: '8:gcch:', dod: '8:dod:' };

/** Alex on a call with a queued caller, Graph in process, in a tenant of the given cloud. */
async function onACall(teamsCloud: TeamsCloud = 'public') {
  const graph = inProcessGraph();
  const app = await startEmulatedConsole('alex', {
    teamsCloud,
    providers: [graph.provider],
    beforeSignIn: (emulator) => graph.attach(emulator.world, 'alex'),
  });
  const log: string[] = [];
  TestBed.inject(Actions).subscribe(({ type }) => log.push(type));
  const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
  await app.settle();
  app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  await app.settle();
  log.length = 0;
  const call = () => app.state(callsFeature.selectActiveCall)!;
  const roster = () =>
    app.state(participantsFeature.selectAllParticipants).map((p) => [p.identity.rawId, p.state]);
  const chat = () => [
    ...(app.emulator.world.threads.get(app.registry.call(call().id).info.threadId!)?.members ?? []),
  ];
  const additions = () => app.state(participantAdditionsFeature.selectAllAdditions);
  const add = (target: Parameters<typeof AddParticipantDialogActions.addClicked>[0]['target']) =>
    app.store.dispatch(AddParticipantDialogActions.addClicked({ callId: call().id, target }));
  return { app, log, call, roster, chat, additions, add };
}

describe('adding participants to a call, on the emulator', () => {
  it('escalates a 1:1 phone call with a second number: a chat of the agent and the phone stand-in first', async () => {
    const { app, log, call, roster, chat, additions, add } = await onACall();
    add(phone('+14255550123'));
    await app.settle();
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID]);
    expect(call()).toEqual(
      jasmine.objectContaining({ kind: 'group', threadId: app.registry.call(call().id).info.threadId }),
    );
    expect(additions().map((a) => [a.name, a.status])).toEqual([['+1 425 555 0123', 'ringing']]);
    expect(
      log.filter((type) => /^\[(Add Participant Dialog|Chat Threads API|Calling API)\]/.test(type)),
    ).toEqual([
      '[Add Participant Dialog] Add Clicked',
      '[Chat Threads API] Participant Thread Ready',
      '[Calling API] Participant Added',
    ]);
    await app.advance(5_000);
    expect(roster()).toEqual(jasmine.arrayContaining([['4:+14255550123', 'Connected']]));
    expect(additions()).toEqual([]);
  });

  it('adds a Teams user to the call’s chat before adding them to the call', async () => {
    const { app, chat, roster, add } = await onACall();
    add(phone('+14255550123'));
    await app.settle();
    add(teamsUserTarget(RILEY, 'Riley Brooks', 'public'));
    await app.settle();
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID, RILEY]);
    await app.advance(5_000);
    expect(roster()).toEqual(jasmine.arrayContaining([[`8:orgid:${RILEY}`, 'Connected']]));
  });

  it('takes a Teams user removed from the call out of its chat too', async () => {
    const { app, chat, roster, add, call } = await onACall();
    add(phone('+14255550123'));
    await app.settle();
    add(teamsUserTarget(RILEY, 'Riley Brooks', 'public'));
    await app.advance(5_000);
    expect(chat()).toContain(RILEY);
    app.store.dispatch(RosterActions.removeClicked({ callId: call().id, participantId: `8:orgid:${RILEY}` }));
    await app.settle();
    expect(roster().map(([id]) => id)).not.toContain(`8:orgid:${RILEY}`);
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID]);
  });

  it('says, with the code, that an added number was busy', async () => {
    const { app, additions, add } = await onACall();
    add(phone('+14255550486'));
    await app.advance(1_000);
    expect(additions()).toEqual([
      jasmine.objectContaining({
        status: 'failed',
        failure: {
          message: '+1 425 555 0486 was not added to the call. The number is busy.',
          code: 486,
          subCode: 560486,
        },
      }),
    ]);
  });

  it('takes a Teams user who declined out of the call’s chat again', async () => {
    const { app, chat, additions, add } = await onACall();
    add(phone('+14255550123'));
    await app.settle();
    add(teamsUserTarget(JORDAN, 'Jordan Diaz', 'public'));
    await app.settle();
    expect(chat()).toContain(JORDAN);
    await app.advance(2_000);
    expect(additions().find((a) => a.name === 'Jordan Diaz')?.failure?.message).toBe(
      'Jordan Diaz was not added to the call. They declined the call.',
    );
    expect(chat()).not.toContain(JORDAN);
  });

  it('says why the call’s chat could not be made ready, and adds nobody', async () => {
    const { app, additions, roster, add } = await onACall();
    add(teamsUserTarget('00000000-0000-4000-8000-000000000bad', 'Nobody', 'public'));
    await app.settle();
    expect(additions()).toEqual([
      jasmine.objectContaining({
        status: 'failed',
        failure: {
          message:
            'Creating the call’s chat failed: someone to be in it is not in your organization’s directory.',
          code: 404,
        },
      }),
    ]);
    expect(roster().length).toBe(1);
  });

  for (const cloud of ['public', 'gcch', 'dod'] as const) {
    describe(`in a tenant of the ${cloud} cloud`, () => {
      const riley = `${TEAMS_USER_PREFIX[cloud]}${RILEY}`;

      /** Alex on a call with a number, adding a colleague as the dialog does: by the agent's cloud. */
      async function adding(userId: string, name: string) {
        const on = await onACall(cloud);
        on.add(phone('+14255550123'));
        await on.app.settle();
        on.add(teamsUserTarget(userId, name, on.app.state(selectTeamsCloud)));
        await on.app.settle();
        return on;
      }

      it('learns the cloud from the agent’s calling token', async () => {
        const { app } = await onACall(cloud);
        expect(app.state(selectTeamsCloud)).toBe(cloud);
      });

      it('shows an added Teams user ringing, then connected, and no longer being added', async () => {
        const { app, roster, additions } = await adding(RILEY, 'Riley Brooks');
        const teamsUser = () => additions().filter((a) => a.name === 'Riley Brooks');
        expect(teamsUser().map((a) => [a.participantId, a.name, a.status])).toEqual([
          [riley, 'Riley Brooks', 'ringing'],
        ]);
        expect(roster()).toEqual(jasmine.arrayContaining([[riley, 'Ringing']]));
        await app.advance(5_000);
        expect(roster()).toEqual(jasmine.arrayContaining([[riley, 'Connected']]));
        expect(teamsUser()).toEqual([]);
      });

      it('says an added Teams user declined, and takes them out of the call’s chat again', async () => {
        const { app, chat, additions, roster } = await adding(JORDAN, 'Jordan Diaz');
        expect(chat()).toContain(JORDAN);
        await app.advance(2_000);
        const teamsUser = additions().filter((a) => a.name === 'Jordan Diaz');
        expect(teamsUser.map((a) => [a.status, a.failure?.message])).toEqual([
          ['failed', 'Jordan Diaz was not added to the call. They declined the call.'],
        ]);
        expect(roster().map(([id]) => id)).not.toContain(`${TEAMS_USER_PREFIX[cloud]}${JORDAN}`);
        expect(chat()).not.toContain(JORDAN);
      });

      it('takes a Teams user removed from the call out of its chat too', async () => {
        const { app, chat, roster, call } = await adding(RILEY, 'Riley Brooks');
        await app.advance(5_000);
        expect(chat()).toContain(RILEY);
        // As the roster's Remove does: by the participant's id as the SDK reports it.
        const participantId = app
          .state(participantsFeature.selectAllParticipants)
          .find((p) => p.displayName === 'Riley Brooks')!.participantId;
        expect(participantId).toBe(riley);
        app.store.dispatch(RosterActions.removeClicked({ callId: call().id, participantId }));
        await app.settle();
        expect(roster().map(([id]) => id)).not.toContain(riley);
        expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID]);
      });
    });
  }
});
