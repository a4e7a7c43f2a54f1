import { InjectionToken } from '@angular/core';
import type { CallClient, TeamsCallAgent } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import { first, startWith } from 'rxjs/operators';
import { withTimeLimit } from '../core/with-time-limit';
import { CallingFailure } from './calling-codes';
import { fromSdkEvent } from './sdk-event';

/** Whose time the connection's limit runs on (tests give a virtual one). */
export const CONNECT_SCHEDULER = new InjectionToken<SchedulerLike>('CONNECT_SCHEDULER', {
  factory: () => asyncScheduler,
});

/**
 * How long the calling service may take to take the agent in. Online it takes a few seconds;
 * with no route to Azure the SDK keeps retrying its own requests, and would leave the agent
 * looking at "Connecting…" with no end.
 */
export const CONNECT_TIME_LIMIT_MS = 20_000;

export const CALLING_SERVICE_UNREACHABLE = new CallingFailure(
  `Could not reach the calling service within ${CONNECT_TIME_LIMIT_MS / 1000} seconds. ` +
    'Check this computer’s network connection, then try again.',
);

/**
 * Creates the Teams user's call agent and waits until it is connected, within the time limit. An
 * agent that arrives or connects too late, or after `ended` aborted (sign-out), is disposed, so it
 * never takes calls nobody sees; `ended` also ends the wait at once, so no timer outlives it.
 */
export async function connectAgent(
  client: CallClient,
  credential: CommunicationTokenCredential,
  scheduler: SchedulerLike,
  ended?: AbortSignal,
): Promise<TeamsCallAgent> {
  // One limit for both waits: what creating the agent took is not left for connecting it.
  const deadline = scheduler.now() + CONNECT_TIME_LIMIT_MS;
  const timeLeft = () => Math.max(0, deadline - scheduler.now());
  const creating = client.createTeamsCallAgent(credential);
  const created = await withTimeLimit(creating, timeLeft(), { scheduler, signal: ended }).catch(
    (error: unknown) => {
      if (ended?.aborted) void creating.then((late) => late?.dispose()).catch(() => undefined);
      throw error;
    },
  );
  if (!('value' in created)) {
    void creating.then((late) => late?.dispose()).catch(() => undefined);
    throw CALLING_SERVICE_UNREACHABLE;
  }
  const agent = created.value;
  // The SDK answers `undefined` for a token that names no Teams user.
  if (!agent)
    throw new CallingFailure('The calling service did not accept the calling token: it names no Teams user.');
  const connected$ = fromSdkEvent(agent, 'connectionStateChanged').pipe(
    startWith(undefined),
    first(() => agent.connectionState === 'Connected'),
  );
  const connected = await withTimeLimit(connected$, timeLeft(), { scheduler, signal: ended }).catch(
    (error: unknown) => ({ error }),
  );
  if (!('value' in connected)) {
    await agent.dispose().catch(() => undefined);
    throw 'error' in connected ? connected.error : CALLING_SERVICE_UNREACHABLE;
  }
  return agent;
}
