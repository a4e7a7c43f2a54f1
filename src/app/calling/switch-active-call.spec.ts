import type { TeamsCall, TeamsCallAgent } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { VirtualTimeScheduler } from 'rxjs';
import { CallClient, configure, listenerCount } from '../../../emulator/client';
import { createInMemoryEmulator } from '../../../emulator/testing/in-memory';
import { agentEvents } from './agent.bridge';
import { CallRegistry } from './call-registry';
import { phoneNumberTarget } from '../model/dial-target';
import { STILL_CONNECTING, SWITCH_ABANDONED, switchActiveCall, type SwitchStep } from './switch-active-call';

/** Alex signed in on the emulator, with the registry filled by the agent's bridge as in the console. */
async function alexSignedIn() {
  const emulator = createInMemoryEmulator({ seed: 3 });
  configure({ transport: emulator.transport });
  const baseline = listenerCount();
  const agent: TeamsCallAgent = await new CallClient().createTeamsCallAgent(
    new AzureCommunicationTokenCredential(emulator.tokenFor('alex')),
  );
  const registry = new CallRegistry();
  registry.setAgent(agent);
  const bridge = agentEvents(agent, registry, () => 0).subscribe();
  const steps: SwitchStep[] = [];
  const abandon = new AbortController();
  const scheduler = new VirtualTimeScheduler();
  const options = { signal: abandon.signal, scheduler, onStep: (step: SwitchStep) => steps.push(step) };
  /** Each call the agent has, with its state as the SDK reports it. */
  const calls = () => registry.liveCalls().map((call) => [call.id, call.state]);
  const done = async () => {
    bridge.unsubscribe();
    await agent.dispose();
    await emulator.settle();
    expect(listenerCount()).toBe(baseline);
  };
  return { emulator, agent, registry, steps, abandon, scheduler, options, calls, done };
}

/** The switch on the emulator's SDK objects: Alex talks to one caller while a second call rings. */
async function onACallWithAnotherRinging() {
  const alex = await alexSignedIn();
  const { emulator, registry } = alex;
  const first = emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
  await emulator.settle();
  await registry.incomingCall(first).accept();
  const second = emulator.world.enqueuePhoneCall({ patienceMs: 30_000, talkMs: 600_000 });
  await emulator.settle();
  return { ...alex, first, second };
}

/** Alex is calling a colleague, whose phone still rings, when a queued call rings for Alex. */
async function callingOutWithACallRinging(colleagueKey: 'riley' | 'taylor') {
  const alex = await alexSignedIn();
  const { emulator, agent } = alex;
  const colleague = emulator.world.directory.colleague(colleagueKey)!;
  const outgoing = agent.startCall({ microsoftTeamsUserId: colleague.microsoftTeamsUserId });
  const incoming = emulator.world.enqueuePhoneCall({ patienceMs: 120_000, talkMs: 600_000 });
  await emulator.settle();
  expect(outgoing.state).toBe('Ringing');
  return { ...alex, outgoing, incoming };
}

describe('switchActiveCall on the emulator', () => {
  it('holds the call the agent is on, then accepts the ringing one', async () => {
    const { registry, first, second, steps, options, calls, done } = await onACallWithAnotherRinging();
    const failure = await switchActiveCall(
      registry,
      { operation: 'accept', incomingCallId: second },
      options,
    );
    expect(failure).toBeNull();
    expect(calls()).toEqual([
      [first, 'LocalHold'],
      [second, 'Connected'],
    ]);
    expect(steps).toEqual([{ step: 'held', callId: first }, { step: 'taking' }]);
    await done();
  });

  it('swaps back on resume: the other call is held, the held one live again', async () => {
    const { registry, first, second, options, calls, done } = await onACallWithAnotherRinging();
    await switchActiveCall(registry, { operation: 'accept', incomingCallId: second }, options);
    const failure = await switchActiveCall(registry, { operation: 'resume', callId: first }, options);
    expect(failure).toBeNull();
    expect(calls()).toEqual([
      [first, 'Connected'],
      [second, 'LocalHold'],
    ]);
    await done();
  });

  it('leaves the current call alone when the call to accept has stopped ringing', async () => {
    const { emulator, registry, first, second, steps, options, calls, done } =
      await onACallWithAnotherRinging();
    await emulator.advance(30_001); // the second caller gives up
    const failure = await switchActiveCall(
      registry,
      { operation: 'accept', incomingCallId: second },
      options,
    );
    expect(failure?.message).toBe('This call is no longer ringing.');
    expect(calls()).toEqual([[first, 'Connected']]);
    expect(steps).toEqual([]);
    await done();
  });

  it('changes nothing when the current call cannot be put on hold', async () => {
    const { emulator, registry, first, second, options, calls, done } = await onACallWithAnotherRinging();
    emulator.world.faults.failNext('hold', { code: 500, subCode: 41033 });
    const failure = await switchActiveCall(
      registry,
      { operation: 'accept', incomingCallId: second },
      options,
    );
    expect(failure).toEqual({
      message:
        'Your current call could not be put on hold, so nothing changed. Putting the call on hold failed. The call is still live.',
      code: 500,
      subCode: 41033,
    });
    expect(calls()).toEqual([[first, 'Connected']]);
    expect(registry.incomingCall(second).id).toBe(second);
    await done();
  });

  it('takes the agent back to their call when accepting fails after holding it', async () => {
    const { emulator, registry, first, second, steps, options, calls, done } =
      await onACallWithAnotherRinging();
    emulator.world.faults.failNext('accept', { code: 500 });
    const failure = await switchActiveCall(
      registry,
      { operation: 'accept', incomingCallId: second },
      options,
    );
    expect(failure).toEqual({ message: 'The calling service had a problem. Try again.', code: 500 });
    expect(calls()).toEqual([[first, 'Connected']]);
    expect(steps).toEqual([
      { step: 'held', callId: first },
      { step: 'taking' },
      { step: 'resumedAfterFailure', callId: first },
    ]);
    await done();
  });

  it('says which call stays on hold when it cannot be resumed after a failed accept', async () => {
    const { emulator, registry, first, second, steps, options, calls, done } =
      await onACallWithAnotherRinging();
    emulator.world.faults.failNext('accept', { code: 500 });
    emulator.world.faults.failNext('resume', { code: 500, subCode: 41034 });
    const failure = await switchActiveCall(
      registry,
      { operation: 'accept', incomingCallId: second },
      options,
    );
    expect(failure?.message).toBe(
      'The calling service had a problem. Try again. Your other call is still on hold: resume it from Calls on hold.',
    );
    expect(calls()).toEqual([[first, 'LocalHold']]);
    expect(steps.at(-1)).toEqual({
      step: 'resumeFailed',
      callId: first,
      failure: {
        message:
          'The switch failed, and the held call could not be resumed. Resuming the call failed. The call is still on hold.',
        code: 500,
        subCode: 41034,
      },
    });
    await done();
  });

  it('once abandoned mid-hold, takes no further step and undoes the hold when it goes through', async () => {
    const { emulator, registry, first, second, abandon, options, calls, done } =
      await onACallWithAnotherRinging();
    emulator.world.faults.delayNext('hold', 5_000);
    const switching = switchActiveCall(registry, { operation: 'accept', incomingCallId: second }, options);
    await emulator.settle();
    abandon.abort();
    await emulator.advance(5_000);
    expect(await switching).toEqual(SWITCH_ABANDONED);
    expect(calls()).toEqual([[first, 'Connected']]);
    expect(registry.incomingCall(second).id).toBe(second);
    await done();
  });

  it('waits for a call still ringing out to connect, then holds it and accepts', async () => {
    const { emulator, registry, outgoing, incoming, steps, options, calls, done } =
      await callingOutWithACallRinging('riley');
    const switching = switchActiveCall(registry, { operation: 'accept', incomingCallId: incoming }, options);
    await emulator.settle();
    expect(steps).toEqual([{ step: 'waitingForConnectingCall', callId: outgoing.id }]);
    await emulator.advance(3_000); // Riley answers
    expect(await switching).toBeNull();
    expect(calls()).toEqual([
      [outgoing.id, 'LocalHold'],
      [incoming, 'Connected'],
    ]);
    await done();
  });

  it('says the current call is still connecting when it does not connect in time, and changes nothing', async () => {
    const { emulator, registry, outgoing, incoming, scheduler, options, calls, done } =
      await callingOutWithACallRinging('taylor');
    const switching = switchActiveCall(registry, { operation: 'accept', incomingCallId: incoming }, options);
    await emulator.settle();
    scheduler.flush(); // ten seconds pass on the switch's clock; Taylor's phone still rings
    expect(await switching).toEqual(STILL_CONNECTING);
    expect(calls()).toEqual([[outgoing.id, 'Ringing']]);
    expect(registry.incomingCall(incoming).id).toBe(incoming);
    await done();
  });

  it('resumes the caller held for a call the agent placed, once that call ends without connecting', async () => {
    const alex = await alexSignedIn();
    const { emulator, registry, options, calls, done } = alex;
    const caller = emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await emulator.settle();
    await registry.incomingCall(caller).accept();
    let placed: TeamsCall | undefined;
    const failure = await switchActiveCall(
      registry,
      {
        operation: 'startCall',
        targets: [phoneNumberTarget('+14255550486')],
        onCall: (call) => (placed = call),
      },
      options,
    );
    expect(failure).toBeNull();
    await emulator.settle();
    expect(calls()).toEqual([
      [caller, 'LocalHold'],
      [placed!.id, 'EarlyMedia'],
    ]);
    await emulator.advance(1_000); // the number is busy
    expect(placed!.callEndReason).toEqual({ code: 486, subCode: 560486 });
    expect(calls()).toEqual([[caller, 'Connected']]);
    await done();
  });

  it('reports the resume of the held caller as a step, and a failed resume as a failure', async () => {
    for (const resumeFails of [false, true]) {
      const alex = await alexSignedIn();
      const { emulator, registry, steps, options, calls, done } = alex;
      const caller = emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
      await emulator.settle();
      await registry.incomingCall(caller).accept();
      const failure = await switchActiveCall(
        registry,
        { operation: 'startCall', targets: [phoneNumberTarget('+14255550486')] },
        options,
      );
      expect(failure).toBeNull();
      await emulator.settle();
      if (resumeFails) emulator.world.faults.failNext('resume', { code: 500, subCode: 41034 });
      await emulator.advance(1_000); // the number is busy
      expect(steps.at(-1)).toEqual(
        resumeFails
          ? {
              step: 'resumeFailed',
              callId: caller,
              failure: {
                message:
                  'The new call ended before it connected, and the held call could not be resumed. Resuming the call failed. The call is still on hold.',
                code: 500,
                subCode: 41034,
              },
            }
          : { step: 'resumedAfterFailure', callId: caller },
      );
      expect(calls()).toEqual([[caller, resumeFails ? 'LocalHold' : 'Connected']]);
      await done();
    }
  });
});
