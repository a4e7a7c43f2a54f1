import { randomUUID } from 'node:crypto';
import { liveCall, type FloorContext, type Session } from './floor-context';
import { REQUEST_TIMEOUT_MS, type FloorAgent, type FloorRequest } from './floor-protocol';
import type { Closure } from './floor-store';

const NO_SUCH_REQUEST = 'No such request: it may have just closed.';

/**
 * "Ask supervisor": an agent's request rings every supervisor not on a call until one joins, the
 * agent cancels it (or its call ends), or a minute passes. Whichever comes first closes it, once,
 * in the store; every instance hears the closing and tells its own consoles.
 */
export class FloorRequests {
  private readonly open = new Map<string, FloorRequest>();
  private readonly timers = new Map<string, unknown>();

  constructor(private readonly floor: FloorContext) {}

  /** The open requests a supervisor's snapshot shows: none while it is on a call. */
  shownTo(session: Session): FloorRequest[] {
    if (session.onCall) return [];
    return [...this.open.values()].filter((request) => !session.declined.has(request.id));
  }

  async ask(session: Session, callKey: string): Promise<void> {
    if (session.role !== 'agent') return refuse(session, 'Only agents ask a supervisor.');
    const agent = session.person;
    const call = liveCall(this.floor.agent(agent.id), callKey);
    if (!call) return notFound(session, 'No such call in your last report.');
    const asked = [...this.open.values()].find((r) => r.agent.id === agent.id && r.call.key === callKey);
    if (asked) return session.send({ type: 'requestOpened', requestId: asked.id, callKey });
    const createdAt = new Date(this.floor.clock.now()).toISOString();
    await this.floor.store.openRequest({ id: randomUUID(), agent, call, createdAt });
  }

  async cancel(session: Session, requestId: string): Promise<void> {
    if (session.role !== 'agent') return refuse(session, 'Only the agent who asked cancels a request.');
    const request = this.open.get(requestId);
    if (!request) return notFound(session, NO_SUCH_REQUEST);
    if (request.agent.id !== session.person.id)
      return refuse(session, 'Only the agent who asked cancels a request.');
    await this.closeOnce(requestId, { outcome: 'cancelled', by: null });
  }

  /**
   * A supervisor's join: with `requestId`, it takes the request if nobody did (else it hears who
   * did); without, it asks the agent directly, for a call the agent reported.
   */
  async join(session: Session, agentId: string, callKey: string, requestId?: string): Promise<void> {
    if (session.role !== 'supervisor') return refuse(session, 'Only supervisors join agents’ calls.');
    const supervisor = session.person;
    if (requestId === undefined) {
      if (!liveCall(this.floor.agent(agentId), callKey))
        return notFound(session, 'The agent has no such call on the floor.');
      return this.floor.store.deliver(agentId, {
        type: 'joinRequested',
        supervisor,
        callKey,
        requestId: null,
      });
    }
    const take = await this.floor.store.closeRequest(
      requestId,
      { outcome: 'taken', by: supervisor },
      { agentId, callKey },
    );
    if (take.won) return;
    if ('mismatch' in take || !take.closed) return notFound(session, NO_SUCH_REQUEST);
    session.send({ type: 'requestClosed', requestId, ...take.closed });
  }

  /** Closes the request's card on this supervisor's socket only; the server answers nothing. */
  decline(session: Session, requestId: string): void {
    if (session.role !== 'supervisor') return refuse(session, 'Only supervisors decline requests.');
    if (!this.open.has(requestId)) return notFound(session, NO_SUCH_REQUEST);
    session.declined.add(requestId);
  }

  /** A supervisor came off a call: the requests still open ring it now. */
  free(session: Session): void {
    for (const request of this.shownTo(session)) session.send({ type: 'request', request });
  }

  /** A request opened, here or on another instance (or was open when this one started). */
  opened(request: FloorRequest): void {
    if (this.open.has(request.id)) return;
    this.open.set(request.id, request);
    const left = Date.parse(request.createdAt) + REQUEST_TIMEOUT_MS - this.floor.clock.now();
    this.timers.set(
      request.id,
      this.floor.clock.setTimeout(
        () => {
          this.timers.delete(request.id);
          this.closeOnce(request.id, { outcome: 'expired', by: null }).catch(
            this.floor.failed('expiring a request'),
          );
        },
        Math.max(0, left),
      ),
    );
    this.floor.sendTo(request.agent.id, {
      type: 'requestOpened',
      requestId: request.id,
      callKey: request.call.key,
    });
    for (const session of this.floor.supervisors()) {
      if (!session.onCall) session.send({ type: 'request', request });
    }
  }

  /** A request closed, here or on another instance: its cards close, the agent hears the outcome. */
  closed(request: FloorRequest, { outcome, by }: Closure): void {
    this.open.delete(request.id);
    this.floor.clock.clearTimeout(this.timers.get(request.id));
    this.timers.delete(request.id);
    for (const session of this.floor.supervisors()) {
      session.send({ type: 'requestClosed', requestId: request.id, outcome, by });
    }
    const callKey = request.call.key;
    if (outcome === 'taken' && by) {
      this.floor.sendTo(request.agent.id, {
        type: 'joinRequested',
        supervisor: by,
        callKey,
        requestId: request.id,
      });
    } else if (outcome === 'expired') {
      this.floor.sendTo(request.agent.id, { type: 'requestExpired', requestId: request.id, callKey });
    }
  }

  /** An agent's new record: a request for a call no longer on its console is cancelled. */
  changed(agent: FloorAgent): void {
    for (const request of this.open.values()) {
      if (request.agent.id === agent.agent.id && !liveCall(agent, request.call.key))
        this.closeOnce(request.id, { outcome: 'cancelled', by: null }).catch(
          this.floor.failed('cancelling a request'),
        );
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) this.floor.clock.clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * Closes the request unless it already closed. If it had, and this instance still shows it, the
   * news was lost on the way (Redis's channel delivers at most once): its cards close here too.
   */
  private async closeOnce(id: string, closure: Closure): Promise<void> {
    const take = await this.floor.store.closeRequest(id, closure);
    if (take.won || 'mismatch' in take || !this.open.has(id)) return;
    this.open.delete(id);
    this.floor.clock.clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const { outcome, by } = take.closed ?? closure;
    for (const session of this.floor.supervisors())
      session.send({ type: 'requestClosed', requestId: id, outcome, by });
  }
}

function refuse(session: Session, message: string): void {
  session.send({ type: 'error', code: 'forbidden', message });
}

function notFound(session: Session, message: string): void {
  session.send({ type: 'error', code: 'not_found', message });
}
