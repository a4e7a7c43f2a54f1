import type { TeamsCall, TeamsCallAgent, TeamsIncomingCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential, getIdentifierRawId } from '@azure/communication-common';
import { CallClient } from '../../../../emulator/client';
import { inProcessGraph } from '../../graph/testing/in-process-graph';
import { callsFeature } from '../calls/calls.feature';
import { participantsFeature } from '../participants/participants.feature';
import { startEmulatedConsole } from './emulated-console';

type Console = Awaited<ReturnType<typeof startEmulatedConsole>>;

/** The phone number the group call includes (the world answers it). */
export const PHONE = '+14255550123';

/** Another Teams user's console on the same world, driven through the SDK directly. */
export async function otherConsole(app: Console, userKey: string) {
  const client = new CallClient();
  const agent: TeamsCallAgent = await client.createTeamsCallAgent(
    new AzureCommunicationTokenCredential(app.emulator.tokenFor(userKey)),
  );
  const ringing: TeamsIncomingCall[] = [];
  const onIncoming = ({ incomingCall }: { incomingCall: TeamsIncomingCall }) => ringing.push(incomingCall);
  agent.on('incomingCall', onIncoming);
  const user = app.emulator.world.directory.user(userKey)!;
  return {
    client,
    agent,
    /** The calls ringing for them, oldest first (Accept takes the oldest). */
    ringing,
    id: user.microsoftTeamsUserId,
    rawId: getIdentifierRawId({
      microsoftTeamsUserId: user.microsoftTeamsUserId,
      cloud: app.emulator.world.directory.cloud,
    }),
    async accept(): Promise<TeamsCall> {
      await app.settle();
      const call = await ringing.shift()!.accept();
      await app.settle();
      return call;
    },
    async dispose() {
      agent.off('incomingCall', onIncoming);
      await agent.dispose();
      await app.settle();
    },
  };
}

/**
 * Alex's console (its Graph the emulator's, in process) in a group call with Blake (another
 * console) and a phone number, in a chat made for it.
 */
export async function inAGroupCall() {
  const graph = inProcessGraph();
  const app = await startEmulatedConsole('alex', {
    providers: [graph.provider],
    beforeSignIn: (emulator) => graph.attach(emulator.world, 'alex'),
  });
  const signedIn = app.listenerCount();
  const blake = await otherConsole(app, 'blake');
  const alexId = app.emulator.world.directory.user('alex')!.microsoftTeamsUserId;
  const thread = app.emulator.world.threads.create({ members: [alexId, blake.id] }, app.emulator.clock.now());
  app.registry.agent.startCall([{ microsoftTeamsUserId: blake.id }, { phoneNumber: PHONE }], {
    threadId: thread.id,
  });
  const blakeCall = await blake.accept();
  await app.advance(10_000); // the phone number answers
  const callId = app.state(callsFeature.selectActiveCall)!.id;
  const roster = () =>
    app
      .state(participantsFeature.selectAllParticipants)
      .filter((p) => p.callId === callId)
      .map((p) => [p.participantId, p.state, p.isMuted]);
  return { app, signedIn, blake, blakeCall, callId, roster };
}
