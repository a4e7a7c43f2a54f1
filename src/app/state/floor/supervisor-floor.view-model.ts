import { createSelector } from '@ngrx/store';
import type { AgentState, FloorCallView } from '../../../../server/floor/floor-protocol';
import { AGENT_PRESENCE_WORDS } from '../../model/agent-presence';
import { floorSessionFeature } from './floor-session.feature';
import { floorAgentsAdapter, supervisorFloorFeature } from './supervisor-floor.feature';

/** How long a closed request card stays, saying who took it or that it expired. */
export const CLOSED_CARD_MS = 5_000;

/** One call queue's row: now and today so far. Times are epoch ms; the view counts from them. */
export interface QueueRow {
  readonly queue: string;
  readonly waitingNow: number;
  /** When the longest-waiting caller's call was first seen, or null when nobody waits. */
  readonly longestWaitingSince: number | null;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  /** "85 %", or "—" when no call was offered. */
  readonly serviceLevel: string;
  /** Average handle time, "m:ss", or "—" when no answered call has ended. */
  readonly averageHandleTime: string;
}

export interface AgentCallRow {
  readonly key: string;
  readonly caller: string;
  readonly queue: string;
  /** When the call reached its state (epoch ms): its duration counts from it. */
  readonly since: number;
  readonly onHold: boolean;
}

export interface AgentRow {
  readonly id: string;
  readonly name: string;
  readonly state: AgentState;
  readonly stateLabel: string;
  readonly stateSince: number;
  /** The call the agent is on (connected or held), or null. */
  readonly call: AgentCallRow | null;
}

export interface RequestCard {
  readonly requestId: string;
  readonly agentId: string;
  readonly agentName: string;
  readonly callKey: string;
  readonly caller: string;
  readonly queue: string;
  /** When the floor first saw the caller's call (epoch ms): how long they have waited. */
  readonly callerWaitingSince: number;
  readonly joining: boolean;
  /** "Taken by Sam Okafor", "Expired", "Cancelled", or null while open. */
  readonly closedText: string | null;
  /** When the card closed here (epoch ms); it goes `CLOSED_CARD_MS` later. */
  readonly closedAt: number | null;
}

/** How many agents are in one state, for the count above the agents table. */
export interface AgentStateCount {
  readonly state: AgentState;
  readonly words: string;
  readonly count: number;
}

// The floor's states are the console's presence states: one set of words for both.
const STATE_LABELS: Readonly<Record<AgentState, string>> = AGENT_PRESENCE_WORDS;
const STATE_ORDER: readonly AgentState[] = ['available', 'onCall', 'afterCallWork', 'away', 'offline'];

const callerName = (call: FloorCallView) =>
  call.caller.displayName ?? call.caller.phoneNumber ?? 'Unknown caller';

function minutesAndSeconds(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const selectAgents = floorAgentsAdapter.getSelectors(
  supervisorFloorFeature.selectSupervisorFloorState,
).selectAll;

/**
 * Each queue's row. Waiting now counts distinct calls ringing (a queued call rings on every free
 * agent: one call on the floor); the longest wait counts from when the floor first saw it. Service
 * level is answered within the threshold over offered, as Genesys and Dynamics define it.
 */
export const selectQueueRows = createSelector(
  selectAgents,
  supervisorFloorFeature.selectQueues,
  (agents, queues): QueueRow[] => {
    const ringing = new Map<string, Map<string, number>>();
    for (const call of agents.flatMap((agent) => agent.calls)) {
      if (call.state !== 'Ringing' || call.queue === null) continue;
      const calls = ringing.get(call.queue) ?? new Map<string, number>();
      calls.set(call.key, Date.parse(call.firstSeenAt));
      ringing.set(call.queue, calls);
    }
    const names = [...new Set([...queues.map((q) => q.queue), ...ringing.keys()])].sort();
    return names.map((name) => {
      const stats = queues.find((q) => q.queue === name);
      const waiting = [...(ringing.get(name)?.values() ?? [])];
      const offered = stats?.offered ?? 0;
      return {
        queue: name,
        waitingNow: waiting.length,
        longestWaitingSince: waiting.length ? Math.min(...waiting) : null,
        offered,
        answered: stats?.answered ?? 0,
        abandoned: stats?.abandoned ?? 0,
        serviceLevel: offered > 0 ? `${Math.round((100 * stats!.answeredWithinThreshold) / offered)} %` : '—',
        averageHandleTime:
          stats && stats.handled > 0 ? minutesAndSeconds(stats.handleSeconds / stats.handled) : '—',
      };
    });
  },
);

/** Every agent by name: their state in words, since when, and the call they are on. */
export const selectAgentRows = createSelector(selectAgents, (agents): AgentRow[] =>
  agents.map(({ agent, state, since, calls }) => {
    const call = calls.find((c) => c.state !== 'Ringing') ?? null;
    return {
      id: agent.id,
      name: agent.displayName,
      state,
      stateLabel: STATE_LABELS[state],
      stateSince: Date.parse(since),
      call: call && {
        key: call.key,
        caller: callerName(call),
        queue: call.queue ?? 'Direct call',
        since: Date.parse(call.since),
        onHold: call.onHold,
      },
    };
  }),
);

/** Agents in each state, every state said (a zero too), in the order an agent's day goes. */
export const selectAgentStateCounts = createSelector(selectAgents, (agents): AgentStateCount[] =>
  STATE_ORDER.map((state) => ({
    state,
    words: STATE_LABELS[state],
    count: agents.filter((agent) => agent.state === state).length,
  })),
);

/** Requests, oldest first, each open or briefly saying how it closed. */
export const selectRequestCards = createSelector(
  supervisorFloorFeature.selectRequests,
  (cards): RequestCard[] =>
    [...cards]
      .sort((a, b) => a.request.createdAt.localeCompare(b.request.createdAt))
      .map(({ request, joining, closed }) => ({
        requestId: request.id,
        agentId: request.agent.id,
        agentName: request.agent.displayName,
        callKey: request.call.key,
        caller: callerName(request.call),
        queue: request.call.queue ?? 'Direct call',
        callerWaitingSince: Date.parse(request.call.firstSeenAt),
        joining,
        closedText: closed && closedText(closed.outcome, closed.by),
        closedAt: closed?.at ?? null,
      })),
);

function closedText(outcome: 'taken' | 'expired' | 'cancelled', by: string | null): string {
  if (outcome === 'taken') return by ? `Taken by ${by}` : 'Taken by another supervisor';
  return outcome === 'expired' ? 'Expired' : 'Cancelled by the agent';
}

/** The service level's threshold in words, for the tooltip. */
export const selectServiceLevelExplained = createSelector(
  supervisorFloorFeature.selectServiceLevelSeconds,
  (seconds) =>
    `Answered within ${seconds} s of arriving, over calls offered today (as Genesys and Dynamics define it)`,
);

/** The floor's connection, for the status line (`floorStatusText`). */
export const selectFloorStatus = floorSessionFeature.selectStatus;
