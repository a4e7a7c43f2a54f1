import { inject, Injectable } from '@angular/core';
import type { CallClient, ConnectionState, TeamsCallAgent } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { concat, EMPTY, NEVER, Observable, of, Subscription, timer, type Subscriber } from 'rxjs';
import { distinctUntilChanged, map, startWith, switchMap, take } from 'rxjs/operators';
import { withTimeLimit } from '../core/with-time-limit';
import { agentEvents } from './agent.bridge';
import { CALL_CLIENT_FACTORY, CALLING_VALUES } from './calling-backend';
import { toFailure } from './calling-codes';
import type { CallingEvent } from './calling-events';
import { CallRegistry } from './call-registry';
import { CONNECT_SCHEDULER, connectAgent } from './connect-agent';
import {
  connectFault,
  CredentialFailure,
  RECONNECT_RANDOM,
  retryDelay,
  SDK_GIVES_UP_AFTER_MS,
  SignInNeeded,
} from './connect-retry';
import { LiveCalls } from './live-calls';
import { fromSdkEvent } from './sdk-event';
import { Logger } from '../core/logger';

/** Wall-clock source for the timestamps the bridges stamp on events; tests give their own. */
export const systemNow = (): number => Date.now();

/**
 * A calling credential for a new agent. `fresh`: the calling service refused the last token, so
 * new tokens come from the sign-in first. Rejects with a `CredentialFailure` saying what it calls for.
 */
export type CredentialSource = (options: {
  readonly fresh: boolean;
}) => Promise<CommunicationTokenCredential>;

export interface SessionOptions {
  readonly credential: CredentialSource;
  /** Ends a wait between attempts early (the agent clicked "Try now"). */
  readonly retryNow?: Observable<unknown>;
  readonly now?: () => number;
}

/** One agent and what it was made with, while it lives. */
interface LiveAgent {
  readonly client: CallClient;
  readonly agent: TeamsCallAgent;
  readonly credential: CommunicationTokenCredential;
  readonly listening: Subscription;
}

/** Why the SDK stopped trying: a token it refused, or a loss longer than it waits. */
type GaveUp = 'invalidToken' | 'unreachable';

/**
 * One signed-in session with the calling service. Subscribing creates the `CallClient` and the
 * `TeamsCallAgent` and reports everything they do; unsubscribing (sign-out, the softphone
 * released) removes every listener and disposes both and the credential, and no timer is left.
 *
 * In between it keeps the agent reachable:
 * 1. A connection attempt that cannot reach the service (or hits the time limit) is retried after
 *    1 s, doubling to 30 s, with jitter (`agentRetryScheduled` says when).
 * 2. A refused token (ACS 401/10009 or 495/4507, or the SDK's `invalidToken`) is retried at once
 *    with fresh tokens from the sign-in; refused again, the session ends with `SignInNeeded`.
 * 3. While the SDK says Disconnected it reconnects by itself (calls survive); once it has given up
 *    (`invalidToken`, or Disconnected past `SDK_GIVES_UP_AFTER_MS`), the calls it still held are
 *    reported ended (496/7), the agent and client are disposed, and new ones are created as in 1.
 */
@Injectable({ providedIn: 'root' })
export class CallingSession {
  private readonly createCallClient = inject(CALL_CLIENT_FACTORY);
  private readonly loadValues = inject(CALLING_VALUES);
  private readonly registry = inject(CallRegistry);
  private readonly scheduler = inject(CONNECT_SCHEDULER);
  private readonly random = inject(RECONNECT_RANDOM);
  private readonly logger = inject(Logger);

  connect({ credential, retryNow = EMPTY, now = systemNow }: SessionOptions): Observable<CallingEvent> {
    return new Observable<CallingEvent>((subscriber) => {
      const ended = new AbortController();
      const live = new LiveCalls();
      let current: LiveAgent | null = null;
      const emit = (event: CallingEvent) => {
        live.note(event);
        subscriber.next(event);
      };

      const run = async () => {
        let failures = 0;
        let fresh = false;
        let lastFailure = null;
        for (;;) {
          if (failures > 0) {
            const retryInMs = retryDelay(failures, this.random);
            emit({
              type: 'agentRetryScheduled',
              attempt: failures,
              at: now(),
              retryInMs,
              failure: lastFailure,
            });
            await withTimeLimit(concat(retryNow, NEVER), retryInMs, {
              scheduler: this.scheduler,
              signal: ended.signal,
            });
          }
          try {
            current = await this.open(await credential({ fresh }), ended.signal);
          } catch (error) {
            ended.signal.throwIfAborted();
            const fault = connectFault(error);
            if (fault === 'refusedToken' && !fresh) {
              // Before saying anything: new tokens (a rotated key, a restarted service), then once more.
              fresh = true;
              continue;
            }
            if (fault === 'refusedToken') {
              const { code, subCode } = toFailure(error, 'connect');
              throw new SignInNeeded(
                error instanceof CredentialFailure
                  ? error.message
                  : 'The calling service did not accept your sign-in, even renewed: sign in again.',
                code,
                subCode,
              );
            }
            if (fault === 'fatal') throw error;
            failures += 1;
            lastFailure = toFailure(error, 'connect');
            this.logger.warning(
              `Connecting to the calling service failed (attempt ${failures})`,
              lastFailure,
            );
            continue;
          }
          failures = 0;
          fresh = false;
          lastFailure = null;
          const { agent } = current;
          emit({ type: 'agentReady', connectionState: agent.connectionState });
          const gaveUp = await this.listen(current, emit, subscriber, now, ended.signal);
          this.logger.warning(`The calling SDK gave up reconnecting (${gaveUp}): creating the agent again`);
          // The calls the SDK still held did not survive the agent: say so, as the SDK would.
          live.endAll(now()).forEach(emit);
          this.release(current);
          current = null;
          if (gaveUp === 'invalidToken') fresh = true;
          else failures = 1;
        }
      };
      run().catch((error: unknown) => {
        if (!ended.signal.aborted) subscriber.error(error);
      });

      return () => {
        ended.abort(new Error('The calling session ended.'));
        if (current) this.release(current);
        current = null;
      };
    });
  }

  /** A new client and agent, connected; on any failure, what was made is disposed. */
  private async open(credential: CommunicationTokenCredential, ended: AbortSignal): Promise<LiveAgent> {
    let client: CallClient | undefined;
    try {
      ended.throwIfAborted();
      const values = await this.loadValues();
      client = await this.createCallClient();
      const agent = await connectAgent(client, credential, this.scheduler, ended);
      this.registry.setAgent(agent);
      this.registry.setClient(client, values);
      return { client, agent, credential, listening: new Subscription() };
    } catch (error) {
      void client?.dispose().catch(() => undefined);
      credential.dispose();
      throw error;
    }
  }

  /** Reports what the agent does until the SDK gives up on its connection, and says why. */
  private listen(
    current: LiveAgent,
    emit: (event: CallingEvent) => void,
    subscriber: Subscriber<CallingEvent>,
    now: () => number,
    ended: AbortSignal,
  ): Promise<GaveUp> {
    const { agent, listening } = current;
    const values = this.registry.values;
    listening.add(
      agentEvents(agent, this.registry, now, values.Features, (message, error) =>
        this.logger.warning(message, error),
      ).subscribe({ next: emit, error: (error: unknown) => subscriber.error(error) }),
    );
    const gaveUp$ = fromSdkEvent<{ newValue: ConnectionState; reason?: string }>(
      agent,
      'connectionStateChanged',
    ).pipe(
      startWith({ newValue: agent.connectionState, reason: undefined }),
      map(({ newValue, reason }) => (reason === 'invalidToken' ? reason : newValue)),
      // The window runs from the first Disconnected: a repeated one does not start it again.
      distinctUntilChanged(),
      switchMap((state) => {
        if (state === 'Connected') return EMPTY;
        if (state === 'invalidToken') return of<GaveUp>('invalidToken');
        return timer(SDK_GIVES_UP_AFTER_MS, this.scheduler).pipe(map((): GaveUp => 'unreachable'));
      }),
      take(1),
    );
    return new Promise<GaveUp>((resolve, reject) => {
      listening.add(gaveUp$.subscribe(resolve));
      const abort = () => reject(ended.reason);
      ended.addEventListener('abort', abort, { once: true });
      listening.add(() => ended.removeEventListener('abort', abort));
    });
  }

  /**
   * Removes every listener, then disposes the agent (it ends this console's calls and frees the
   * identity for the next agent, 409/40230), the client, and last the credential (the SDK may want
   * a token while it disposes; its proactive refresh timer would otherwise outlive the agent).
   */
  private release({ client, agent, credential, listening }: LiveAgent): void {
    listening.unsubscribe();
    this.registry.clear();
    void (async () => {
      try {
        await agent.dispose();
        await client.dispose();
      } finally {
        credential.dispose();
      }
    })().catch(() => undefined);
  }
}
