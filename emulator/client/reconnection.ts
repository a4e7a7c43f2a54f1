import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { Clock, TimerHandle } from '../engine/clock';
import { ERROR } from '../engine/codes';
import type { Connection, EmulatorTransport } from './connection';

/** How long an agent tries to reach the service after losing it (the guide's two minutes). */
export const RECONNECT_GIVE_UP_MS = 120_000;
/** The first retry's delay, doubled after each failed one up to `MAX_RETRY_MS`. */
export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 4_000;

/** What the agent does at each turn of a reconnection. */
export interface ReconnectionHooks {
  /** The endpoint is back on a new socket; what it missed has been delivered. */
  resumed(): void;
  /** The service does not know the endpoint any more: its calls are gone (before registering again). */
  notKnown(): void;
  /** Registered again as a new endpoint. */
  registered(): void;
  /** The credential's token was refused (or it had none): the agent stops trying. */
  invalidToken(): void;
  /** The service stayed out of reach for `RECONNECT_GIVE_UP_MS`: the agent stops trying. */
  gaveUp(): void;
}

export interface ReconnectionOptions {
  readonly connection: Connection;
  readonly transport: EmulatorTransport;
  /** The client's own timers (not the world's): see `configure({ timers })`. */
  readonly timers: Clock;
  readonly credential: CommunicationTokenCredential;
  readonly hooks: ReconnectionHooks;
}

const isCode = (error: unknown, pair: { code: number; subCode?: number }) =>
  (error as { code?: unknown })?.code === pair.code &&
  (pair.subCode === undefined || (error as { subCode?: unknown }).subCode === pair.subCode);

/**
 * An agent whose socket was lost gets its endpoint back by itself, as the SDK does: it retries a
 * resume with backoff (0.5 s doubling to 4 s); a service that no longer knows the endpoint (its
 * window passed, or it restarted) means registering again with a fresh token; two minutes
 * without reaching the service, or a refused token, and it stops.
 */
export class Reconnection {
  private retry: TimerHandle | null = null;
  private deadline: TimerHandle | null = null;
  private delay = FIRST_RETRY_MS;
  private mode: 'resume' | 'register' = 'resume';
  private stopped = false;

  constructor(private readonly options: ReconnectionOptions) {}

  /** The signed-in socket was lost: retry from now, and give up two minutes from now. */
  start(): void {
    if (this.stopped) return;
    this.clearTimers();
    this.mode = 'resume';
    this.delay = FIRST_RETRY_MS;
    this.deadline = this.options.timers.setTimeout(() => this.giveUp(), RECONNECT_GIVE_UP_MS);
    this.schedule();
  }

  /** Stops for good (the agent is disposed): no timer left, a socket being opened is closed. */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
  }

  private schedule(): void {
    this.retry = this.options.timers.setTimeout(() => {
      this.retry = null;
      void this.attempt();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
  }

  private async attempt(): Promise<void> {
    const { connection, transport, hooks } = this.options;
    const mode = this.mode;
    try {
      if (mode === 'resume') {
        const { endpointId, resumeSecret } = connection.endpoint!;
        const lastSeq = connection.lastSeq;
        await connection.signIn(transport, {
          op: 'resumeEndpoint',
          endpointId,
          secret: resumeSecret,
          lastSeq,
        });
      } else {
        const token = await this.token();
        if (token === null || this.stopped) return;
        await connection.signIn(transport, { op: 'hello', token });
      }
    } catch (error) {
      if (this.stopped) return;
      if (mode === 'resume' && isCode(error, ERROR.endpointNotKnown)) {
        this.mode = 'register';
        hooks.notKnown();
        return this.attempt();
      }
      if (mode === 'register' && isCode(error, ERROR.unauthenticated)) return this.refused();
      return this.schedule();
    }
    // Lost again before this turn: that loss started over, and the agent is not back.
    if (this.stopped || !connection.isSignedIn) return;
    this.clearTimers();
    if (mode === 'resume') hooks.resumed();
    else hooks.registered();
  }

  /** A fresh token from the credential; `null` (and the agent stops) when it has none to give. */
  private async token(): Promise<string | null> {
    try {
      return (await this.options.credential.getToken()).token;
    } catch {
      if (!this.stopped) this.refused();
      return null;
    }
  }

  private refused(): void {
    this.finish('gaveUp');
    this.options.hooks.invalidToken();
  }

  private giveUp(): void {
    this.deadline = null;
    if (this.stopped) return;
    this.finish('gaveUp');
    this.options.hooks.gaveUp();
  }

  private finish(why: 'gaveUp'): void {
    this.stop();
    this.options.connection.stop(why);
  }

  private clearTimers(): void {
    const { timers } = this.options;
    if (this.retry !== null) timers.clearTimeout(this.retry);
    if (this.deadline !== null) timers.clearTimeout(this.deadline);
    this.retry = null;
    this.deadline = null;
  }
}
