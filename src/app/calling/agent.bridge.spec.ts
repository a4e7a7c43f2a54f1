import type { TeamsCallAgent } from '@azure/communication-calling';
import { agentEvents } from './agent.bridge';
import { CallRegistry } from './call-registry';
import type { CallingEvent } from './calling-events';
import { FakeAgent, FakeCall } from './testing/fake-sdk-objects';

describe('agent bridge', () => {
  it('ends a call the agent removes from its calls, even before its Disconnected', () => {
    const agent = new FakeAgent();
    const registry = new CallRegistry();
    const events: CallingEvent[] = [];
    const subscription = agentEvents(agent as unknown as TeamsCallAgent, registry, () => 9).subscribe((e) =>
      events.push(e),
    );
    const call = new FakeCall('c1');
    agent.calls = [call];
    agent.emit('callsUpdated', { added: [call], removed: [] });
    expect(registry.liveCalls().length).toBe(1);
    expect(call.listenerCount).toBeGreaterThan(0);

    agent.calls = [];
    agent.emit('callsUpdated', { added: [], removed: [call] });

    expect(events.at(-1)).toEqual({ type: 'callEnded', id: 'c1', callEndReason: null, at: 9 });
    expect(registry.liveCalls()).toEqual([]);
    expect(call.listenerCount).toBe(0);
    expect(call.remoteParticipants[0].listenerCount).toBe(0);
    subscription.unsubscribe();
    expect(agent.listenerCount).toBe(0);
  });
});
