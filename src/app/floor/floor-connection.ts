import { DOCUMENT } from '@angular/common';
import { inject, Injectable, type OnDestroy } from '@angular/core';
import { BehaviorSubject, Subject, type Subscription } from 'rxjs';
import type { ClientMessage, ServerMessage } from '../../../server/floor/floor-protocol';
import { CLOSE } from '../../../server/floor/floor-protocol';
import { AuthService } from '../core/auth/auth.service';
import { Logger } from '../core/logger';
import { DEFAULT_FLOOR_URL, resolveFloorUrl, RUNTIME_CONFIG } from '../core/runtime-config';
import { FLOOR_RANDOM, FLOOR_SCHEDULER, FLOOR_SOCKET, type FloorSocket } from './floor-socket';

/**
 * Where the console stands with the floor. `open` once the floor has welcomed it; `closed` says
 * why, and when it tries again (`retryAt`, epoch ms), or never (`retryAt: null`: refused, or
 * signed out).
 */
export type FloorStatus =
  | { readonly state: 'off' }
  | { readonly state: 'connecting' }
  | { readonly state: 'open' }
  | { readonly state: 'closed'; readonly reason: string; readonly retryAt: number | null };

/** Reconnection waits 1 s, then twice as long each time, up to 30 s, less up to a fifth at random. */
export const RECONNECT_FIRST_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;
const JITTER = 0.2;
/** A fresh token goes out once this share of the current one's remaining life has passed. */
export const TOKEN_REFRESH_AT = 0.8;

export function reconnectDelay(attempt: number, random: number): number {
  const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** attempt);
  return Math.round(delay * (1 - JITTER * random));
}

/**
 * The console's side of the supervisor's floor (`server/`'s WebSocket; server/README.md, "The
 * supervisor's floor"). Browsers cannot set headers on a WebSocket and tokens never go in URLs, so
 * the first frame is `hello` with the Entra token for Switchboard's API, and a fresh `token` goes
 * out before the floor's `expiresAt`. Between `start()` and `stop()` it reconnects by itself, with
 * backoff and jitter, after any close but a refusal (4403); a refused token (4401) is replaced by a
 * fresh one first.
 */
@Injectable({ providedIn: 'root' })
export class FloorConnection implements OnDestroy {
  private readonly auth = inject(AuthService);
  private readonly logger = inject(Logger);
  private readonly openSocket = inject(FLOOR_SOCKET);
  private readonly scheduler = inject(FLOOR_SCHEDULER);
  private readonly random = inject(FLOOR_RANDOM);
  private readonly url = resolveFloorUrl(
    inject(RUNTIME_CONFIG, { optional: true })?.floorUrl ?? DEFAULT_FLOOR_URL,
    inject(DOCUMENT).location.origin,
  );

  private readonly statuses = new BehaviorSubject<FloorStatus>({ state: 'off' });
  private readonly received = new Subject<ServerMessage>();
  /** What the floor says, from `welcome` on, for every connection in turn. */
  readonly messages$ = this.received.asObservable();
  /** Where the console stands with the floor, the current status first. */
  readonly status$ = this.statuses.asObservable();

  /** Bumped by `stop()`: whatever an older run was waiting for finds itself stale and stops. */
  private run = 0;
  private running = false;
  private socket: FloorSocket | null = null;
  private welcomed = false;
  private attempt = 0;
  private freshToken = false;
  private retry: Subscription | null = null;
  private refresh: Subscription | null = null;

  /** Connects (after sign-in), and keeps connecting until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.freshToken = false;
    void this.connect(++this.run);
  }

  /** Closes the socket and stops reconnecting (sign-out). */
  stop(): void {
    this.run++;
    this.running = false;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    this.welcomed = false;
    if (socket) {
      socket.onclose = socket.onmessage = socket.onopen = socket.onerror = null;
      socket.close(1000, 'Signed out');
    }
    this.statuses.next({ state: 'off' });
  }

  ngOnDestroy(): void {
    this.stop();
  }

  /** Sends a message once the floor has welcomed the console; false when it is not connected. */
  send(message: ClientMessage): boolean {
    if (!this.socket || !this.welcomed) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private async connect(run: number): Promise<void> {
    this.statuses.next({ state: 'connecting' });
    let token: string;
    try {
      token = await this.auth.apiAccessToken({ fresh: this.freshToken });
    } catch (error) {
      if (run !== this.run) return;
      this.logger.warning('No token for the supervisor’s floor', describe(error));
      return this.reconnect(run, 'Could not get a token to sign in to the floor');
    }
    if (run !== this.run) return;
    this.freshToken = false;
    const socket = this.openSocket(this.url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token } satisfies ClientMessage));
    socket.onmessage = ({ data }) => this.receive(run, data);
    socket.onclose = ({ code, reason }) => this.closed(run, code, reason);
  }

  private receive(run: number, data: unknown): void {
    if (run !== this.run) return;
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      this.logger.warning('The floor sent a frame that is not JSON');
      return;
    }
    if (message.type === 'welcome' || message.type === 'tokenAccepted') {
      if (message.type === 'welcome') {
        this.welcomed = true;
        this.attempt = 0;
        this.statuses.next({ state: 'open' });
      }
      this.scheduleRefresh(run, message.expiresAt);
    }
    this.received.next(message);
  }

  private closed(run: number, code: number, reason: string): void {
    if (run !== this.run) return;
    this.socket = null;
    this.welcomed = false;
    this.clearTimers();
    if (code === CLOSE.forbidden) {
      this.running = false;
      this.run++;
      this.statuses.next({ state: 'closed', reason: refusal(reason), retryAt: null });
      return;
    }
    if (code === CLOSE.unauthorized) this.freshToken = true;
    this.reconnect(run, closeReason(code, reason));
  }

  private reconnect(run: number, reason: string): void {
    const delay = reconnectDelay(this.attempt++, this.random());
    this.statuses.next({ state: 'closed', reason, retryAt: this.scheduler.now() + delay });
    this.retry = this.scheduler.schedule(() => void this.connect(run), delay);
  }

  /** A fresh token at 80% of the current one's remaining life; a failed one is tried again. */
  private scheduleRefresh(run: number, expiresAt: string): void {
    this.refresh?.unsubscribe();
    const remaining = Date.parse(expiresAt) - this.scheduler.now();
    if (!(remaining > 0)) return;
    const send = async (retryInMs: number) => {
      try {
        const token = await this.auth.apiAccessToken();
        if (run === this.run) this.send({ type: 'token', token });
      } catch (error) {
        if (run !== this.run) return;
        this.logger.warning('Could not renew the floor’s token', describe(error));
        const left = Date.parse(expiresAt) - this.scheduler.now();
        if (left > retryInMs)
          this.refresh = this.scheduler.schedule(() => void send(retryInMs * 2), retryInMs);
      }
    };
    this.refresh = this.scheduler.schedule(() => void send(RECONNECT_FIRST_MS), remaining * TOKEN_REFRESH_AT);
  }

  private clearTimers(): void {
    this.retry?.unsubscribe();
    this.refresh?.unsubscribe();
    this.retry = this.refresh = null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function refusal(reason: string): string {
  switch (reason.split(':')[0]) {
    case 'no_role':
      return 'your account has neither the Agent nor the Supervisor role';
    case 'token_mismatch':
      return 'the floor was given another user’s token';
    default:
      return reason ? `the floor refused this console (${reason})` : 'the floor refused this console';
  }
}

function closeReason(code: number, reason: string): string {
  if (code === CLOSE.unauthorized) return 'the floor asked for a fresh sign-in token';
  if (code === 1001) return 'the server is restarting';
  if (code === 1006) return 'the connection was lost';
  return reason || `the connection closed (${code})`;
}
