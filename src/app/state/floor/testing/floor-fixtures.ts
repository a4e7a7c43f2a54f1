import type {
  FloorAgent,
  FloorCallView,
  FloorRequest,
  QueueStats,
} from '../../../../../server/floor/floor-protocol';

/** Floor messages' pieces, as server/ sends them, for reducer, selector and component tests. */
export function floorCall(key: string, overrides: Partial<FloorCallView> = {}): FloorCallView {
  return {
    key,
    caller: { displayName: 'Kim Lee', phoneNumber: '+14255550142', rawId: '4:+14255550142' },
    queue: 'Billing',
    state: 'Connected',
    since: '2026-01-05T09:00:00.000Z',
    onHold: false,
    participants: ['Kim Lee'],
    firstSeenAt: '2026-01-05T08:59:00.000Z',
    ...overrides,
  };
}

export function floorAgent(
  id: string,
  displayName: string,
  calls: FloorCallView[] = [],
  overrides: Partial<FloorAgent> = {},
): FloorAgent {
  return {
    agent: { id, displayName },
    state: calls.some((c) => c.state !== 'Ringing') ? 'onCall' : 'available',
    since: '2026-01-05T08:30:00.000Z',
    calls,
    updatedAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}

export function queueStats(queue: string, overrides: Partial<QueueStats> = {}): QueueStats {
  return {
    queue,
    offered: 0,
    answered: 0,
    abandoned: 0,
    answeredWithinThreshold: 0,
    handled: 0,
    handleSeconds: 0,
    ...overrides,
  };
}

export function floorRequest(id: string, agent: FloorAgent, call: FloorCallView): FloorRequest {
  return { id, agent: agent.agent, call, createdAt: '2026-01-05T09:01:00.000Z' };
}

export const SAM = { id: 'sam-id', displayName: 'Sam Okafor' };
