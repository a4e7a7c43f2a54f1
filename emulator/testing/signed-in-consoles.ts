import assert from 'node:assert/strict';
import type { TeamsCallAgent, TeamsIncomingCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient, listenerCount } from '../client';
import type { InMemoryEmulator } from './in-memory';

/**
 * Consoles signed in to an in-memory world (its transport already configured), each recording the
 * calls that ring it, and the tidying up a test ends with: every listener off, every agent
 * disposed, the listener count back at the baseline taken here.
 */
export function signedInConsoles(emulator: InMemoryEmulator) {
  const baseline = listenerCount();
  const agents: TeamsCallAgent[] = [];
  const offs: (() => void)[] = [];

  const signIn = async (key: string) => {
    const agent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(emulator.tokenFor(key)),
    );
    agents.push(agent);
    const ringing: TeamsIncomingCall[] = [];
    const onIncoming = (args: { incomingCall: TeamsIncomingCall }) => ringing.push(args.incomingCall);
    agent.on('incomingCall', onIncoming);
    offs.push(() => agent.off('incomingCall', onIncoming));
    return { agent, ringing };
  };

  const finish = async (...more: { dispose(): Promise<void> }[]) => {
    offs.splice(0).forEach((off) => off());
    for (const agent of [...agents, ...more]) await agent.dispose();
    await emulator.settle();
    assert.equal(listenerCount(), baseline, 'every listener was removed');
  };

  return { agents, offs, signIn, finish };
}
