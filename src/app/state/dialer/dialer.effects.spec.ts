import { TestBed } from '@angular/core/testing';
import { Actions } from '@ngrx/effects';
import { VirtualTimeScheduler } from 'rxjs';
import { phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { PHONE_PARTICIPANT_ID } from '../../graph/graph.service';
import { inProcessGraph } from '../../graph/testing/in-process-graph';
import { callsFeature } from '../calls/calls.feature';
import { participantsFeature } from '../participants/participants.feature';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { DialerActions } from './dialer.actions';
import { dialerFeature } from './dialer.feature';
import { DIRECTORY_SEARCH_SCHEDULER } from './outbound-time';

/** A number as the dialer makes it a target: E.164, shown grouped. */
const phone = (e164: string) => phoneNumberTarget(e164, formatPhoneNumberAsTyped(e164));

const ALEX = '00000000-0000-4000-8000-00000000a001';
const RILEY = '00000000-0000-4000-8000-00000000b001';
const JORDAN = '00000000-0000-4000-8000-00000000b002';
const TAYLOR = '00000000-0000-4000-8000-00000000b003';
const AVERY = '00000000-0000-4000-8000-00000000b004';

/** Alex at a console whose Graph is the emulator's, in process; the directory's lookups on virtual time. */
async function dialer(userKey = 'alex') {
  const graph = inProcessGraph();
  const time = new VirtualTimeScheduler();
  const app = await startEmulatedConsole(userKey, {
    providers: [graph.provider, { provide: DIRECTORY_SEARCH_SCHEDULER, useValue: time }],
    beforeSignIn: (emulator) => graph.attach(emulator.world, userKey),
  });
  const log: string[] = [];
  TestBed.inject(Actions).subscribe(({ type }) => log.push(type));
  const roster = () =>
    app.state(participantsFeature.selectAllParticipants).map((p) => [p.identity.rawId, p.state]);
  return { app, time, log, roster, failure: () => app.state(dialerFeature.selectFailure) };
}

describe('placing calls from the dialer, on the emulator', () => {
  it('suggests people once the agent pauses typing a name', async () => {
    const { app, time } = await dialer();
    app.store.dispatch(DialerActions.searchChanged({ text: 'Ri' }));
    await app.settle();
    expect(app.state(dialerFeature.selectSearching)).toBeTrue();
    time.flush();
    await app.settle();
    expect(app.state(dialerFeature.selectSuggestions).map((p) => p.displayName)).toEqual(['Riley Brooks']);
  });

  it('never suggests the agent themselves', async () => {
    const { app, time } = await dialer();
    app.store.dispatch(DialerActions.searchChanged({ text: 'Alex' }));
    time.flush();
    await app.settle();
    expect(app.state(dialerFeature.selectPeople).map((p) => p.id)).toEqual([ALEX]);
    expect(app.state(dialerFeature.selectSuggestions)).toEqual([]);
  });

  it('turns a pasted Teams user id into the person it belongs to, or says nobody has it', async () => {
    const { app, failure } = await dialer();
    app.store.dispatch(DialerActions.teamsUserIdEntered({ id: RILEY }));
    await app.settle();
    expect(app.state(dialerFeature.selectTargets)).toEqual([
      teamsUserTarget(RILEY, 'Riley Brooks', 'public'),
    ]);
    app.store.dispatch(DialerActions.teamsUserIdEntered({ id: '00000000-0000-4000-8000-000000000bad' }));
    await app.settle();
    expect(failure()).toEqual({
      message: 'Nobody in your organization’s directory has this Teams user id.',
      code: 404,
    });
  });

  it('calls a phone number: Outgoing, early media, then connected, and the dialer is cleared', async () => {
    const { app, roster } = await dialer();
    app.store.dispatch(DialerActions.targetAdded({ target: phone('+14255550123') }));
    app.store.dispatch(DialerActions.callClicked({ target: phone('+14255550123') }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ direction: 'Outgoing', kind: 'oneToOne' }),
    );
    expect(roster()).toEqual([['4:+14255550123', 'EarlyMedia']]);
    expect(app.state(dialerFeature.selectTargets)).toEqual([]);
    await app.advance(5_000);
    expect(roster()).toEqual([['4:+14255550123', 'Connected']]);
    expect(app.state(callsFeature.selectActiveCall)?.state).toBe('Connected');
    expect(app.state(dialerFeature.selectPlaced)).toBeNull();
  });

  it('says in words, with the code, that a number was busy, a colleague declined, or is offline', async () => {
    const { app, failure } = await dialer();
    app.store.dispatch(DialerActions.callClicked({ target: phone('+14255550486') }));
    await app.advance(1_000);
    expect(failure()).toEqual({
      message: '+1 425 555 0486 is busy.',
      code: 486,
      subCode: 560486,
    });
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(JORDAN, 'Jordan Diaz', 'public') }),
    );
    await app.advance(2_000);
    expect(failure()).toEqual({
      message: 'Jordan Diaz declined the call.',
      code: 603,
      subCode: 0,
    });
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(AVERY, 'Avery Stone', 'public') }),
    );
    await app.settle();
    expect(failure()).toEqual({
      message: 'Avery Stone is offline.',
      code: 480,
      subCode: 10076,
    });
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
  });

  it('says nobody answered once a colleague lets it ring for two minutes', async () => {
    const { app, failure } = await dialer();
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(TAYLOR, 'Taylor Kim', 'public') }),
    );
    await app.advance(119_000);
    expect(failure()).toBeNull();
    await app.advance(1_000);
    expect(failure()).toEqual({
      message: 'Taylor Kim did not answer.',
      code: 487,
      subCode: 10004,
    });
  });

  it('holds the call the agent is on before placing a new one, as Accept does', async () => {
    const { app, log } = await dialer();
    const queued = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: queued }));
    await app.settle();
    log.length = 0;
    app.store.dispatch(DialerActions.callClicked({ target: phone('+14255550123') }));
    await app.settle();
    expect(app.state(callsFeature.selectHeldCalls).map((c) => [c.id, c.state])).toEqual([
      [queued, 'LocalHold'],
    ]);
    expect(app.state(callsFeature.selectActiveCall)?.direction).toBe('Outgoing');
    expect(log.filter((type) => /^\[(Dialer|Call Switch|Calling API)\]/.test(type))).toEqual([
      '[Dialer] Call Clicked',
      '[Call Switch] Current Call Held',
      '[Call Switch] Starting Call',
      '[Calling API] Call Placed',
    ]);
  });

  it('says in words, with the code, what the SDK refuses, and resumes the call it held for it', async () => {
    const { app, failure } = await dialer();
    const queued = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: queued }));
    await app.settle();
    app.store.dispatch(DialerActions.callClicked({ target: phone('+0425') }));
    await app.settle();
    expect(failure()).toEqual(
      jasmine.objectContaining({
        message: jasmine.stringMatching(/^Placing the call failed: /),
        code: 400,
        subCode: 49002,
      }),
    );
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id: queued, state: 'Connected' }),
    );
    expect(app.state(dialerFeature.selectStatus)).toBe('idle');
  });

  it('says nobody has a Teams user id the directory does not know', async () => {
    const { app, failure } = await dialer();
    const nobody = teamsUserTarget('00000000-0000-4000-8000-000000000bad', 'Nobody', 'public');
    app.store.dispatch(DialerActions.callClicked({ target: nobody }));
    await app.settle();
    expect(failure()).toEqual({
      message: 'The call to Nobody did not connect: no one has this Teams user id.',
      code: 404,
    });
  });

  it('places a group call with a Teams user and a phone number in a chat made for it', async () => {
    const { app, roster, log } = await dialer();
    const targets = [teamsUserTarget(RILEY, 'Riley Brooks', 'public'), phone('+14255550123')];
    app.store.dispatch(DialerActions.groupCallClicked({ targets }));
    await app.settle();
    const call = app.state(callsFeature.selectActiveCall)!;
    expect(call).toEqual(jasmine.objectContaining({ kind: 'group', direction: 'Outgoing' }));
    expect([...(app.emulator.world.threads.get(call.threadId!)?.members ?? [])]).toEqual([
      ALEX,
      RILEY,
      PHONE_PARTICIPANT_ID,
    ]);
    expect(log).toContain('[Chat Threads API] Group Call Thread Ready');
    await app.advance(5_000);
    expect(roster()).toEqual(
      jasmine.arrayWithExactContents([
        [`8:orgid:${RILEY}`, 'Connected'],
        ['4:+14255550123', 'Connected'],
      ]),
    );
  });

  it('says why a group call could not get its chat, and places nothing', async () => {
    const { app, failure } = await dialer();
    const nobody = teamsUserTarget('00000000-0000-4000-8000-000000000bad', 'Nobody', 'public');
    app.store.dispatch(DialerActions.groupCallClicked({ targets: [nobody, phone('+14255550123')] }));
    await app.settle();
    expect(failure()).toEqual({
      message:
        'Creating the call’s chat failed: someone to be in it is not in your organization’s directory.',
      code: 404,
    });
    expect(app.state(dialerFeature.selectStatus)).toBe('idle');
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
  });
});
