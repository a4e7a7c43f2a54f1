import type { TimerHandle } from './clock';
import type { PresencePair, PresencePort, WorldPort } from './world-port';

export type { PresencePair } from './world-port';

/** One application's presence session for a user (Graph's `setPresence`), on the world clock. */
export interface PresenceSession extends PresencePair {
  readonly sessionId: string;
  readonly expiresAt: number;
}

/** The pairs Graph's `setPresence` takes (any other pair is refused). */
export const SETTABLE_PRESENCES: readonly PresencePair[] = [
  { availability: 'Available', activity: 'Available' },
  { availability: 'Busy', activity: 'InACall' },
  { availability: 'Busy', activity: 'InAConferenceCall' },
  { availability: 'Away', activity: 'Away' },
  { availability: 'DoNotDisturb', activity: 'Presenting' },
];

export const PRESENCE = {
  available: { availability: 'Available', activity: 'Available' },
  inACall: { availability: 'Busy', activity: 'InACall' },
  offline: { availability: 'Offline', activity: 'Offline' },
} as const satisfies Record<string, PresencePair>;

/** How long a session lasts: Graph takes PT5M to PT4H, PT5M when not given. */
export const SESSION_MS = { min: 5 * 60_000, max: 4 * 60 * 60_000, default: 5 * 60_000 } as const;

export function isSettable(pair: PresencePair): boolean {
  return SETTABLE_PRESENCES.some((p) => p.availability === pair.availability && p.activity === pair.activity);
}

/**
 * An ISO 8601 duration of hours, minutes and seconds (`PT5M`, `PT1H30M`, `PT300S`) in
 * milliseconds; `undefined` for anything else.
 */
export function durationMs(text: string): number | undefined {
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text);
  if (!match || text === 'PT') return undefined;
  const [hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
  ];
  return Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** A user's presence when no app set one: in a call, else signed in (asked only then), else offline. */
function withoutSession(inCall: boolean, signedIn: () => boolean): PresencePair {
  if (inCall) return PRESENCE.inACall;
  return signedIn() ? PRESENCE.available : PRESENCE.offline;
}

/**
 * Every Teams user's presence, as Teams aggregates it for the emulator: the newest unexpired
 * session an app set (`setPresence`, renewed by setting it again); else `Busy/InACall` while they
 * are in a call at a console; else `Available/Available` while signed in (a scripted colleague who
 * answers counts as signed in); else `Offline/Offline`. A change that can matter to routing (a
 * session set, cleared or expired) is told to the queue.
 */
export class Presences implements PresencePort {
  /** Per user key, sessions by id, oldest first (setting one again makes it the newest). */
  private readonly sessions = new Map<string, Map<string, PresenceSession & { timer: TimerHandle }>>();

  constructor(private readonly world: WorldPort) {}

  /** Sets (or renews) a session for `expirationMs`; the caller checked the pair and the duration. */
  set(userKey: string, session: PresencePair & { sessionId: string; expirationMs: number }): void {
    const { clock } = this.world;
    const own = this.sessions.get(userKey) ?? new Map();
    this.sessions.set(userKey, own);
    this.drop(own, session.sessionId);
    const timer = clock.setTimeout(() => {
      this.drop(own, session.sessionId);
      this.changed(userKey);
    }, session.expirationMs);
    own.set(session.sessionId, {
      sessionId: session.sessionId,
      availability: session.availability,
      activity: session.activity,
      expiresAt: clock.now() + session.expirationMs,
      timer,
    });
    this.changed(userKey);
  }

  /** Ends a session; false when the user has no such session (or it expired). */
  clear(userKey: string, sessionId: string): boolean {
    const own = this.sessions.get(userKey);
    if (!own?.has(sessionId)) return false;
    this.drop(own, sessionId);
    this.changed(userKey);
    return true;
  }

  /** A user's sessions, oldest first. */
  sessionsOf(userKey: string): PresenceSession[] {
    return [...(this.sessions.get(userKey)?.values() ?? [])].map(
      ({ sessionId, availability, activity, expiresAt }) => ({
        sessionId,
        availability,
        activity,
        expiresAt,
      }),
    );
  }

  /** A user's aggregated presence. */
  of(userKey: string): PresencePair {
    return this.newest(userKey) ?? withoutSession(this.inCall(userKey), () => this.signedIn(userKey));
  }

  /** Every directory user's aggregated presence, by key (one pass over calls and consoles). */
  all(): Record<string, PresencePair> {
    const busy = new Set<string>();
    for (const call of this.world.calls.all.values())
      for (const party of call.legs()) if (party.key) busy.add(party.key);
    const online = new Set(this.world.signedInEndpoints().map((endpoint) => endpoint.user!.key));
    return Object.fromEntries(
      this.world.directory.users.map(({ key }) => [
        key,
        this.newest(key) ?? withoutSession(busy.has(key), () => online.has(key)),
      ]),
    );
  }

  /** Whether a console of this user is in a call (ringing out, in a lobby, connected or on hold). */
  inCall(userKey: string): boolean {
    for (const call of this.world.calls.all.values())
      for (const party of call.legs()) if (party.key === userKey) return true;
    return false;
  }

  dispose(): void {
    for (const own of this.sessions.values())
      for (const { timer } of own.values()) this.world.clock.clearTimeout(timer);
    this.sessions.clear();
  }

  private newest(userKey: string): PresencePair | undefined {
    const newest = [...(this.sessions.get(userKey)?.values() ?? [])].pop();
    return newest && { availability: newest.availability, activity: newest.activity };
  }

  private signedIn(userKey: string): boolean {
    const colleague = this.world.directory.colleague(userKey);
    if (colleague) return colleague.whenCalled !== 'offline';
    return this.world.signedInEndpoints().some((endpoint) => endpoint.user?.key === userKey);
  }

  private drop(own: Map<string, { timer: TimerHandle }>, sessionId: string): void {
    const session = own.get(sessionId);
    if (!session) return;
    this.world.clock.clearTimeout(session.timer);
    own.delete(sessionId);
  }

  private changed(userKey: string): void {
    this.world.queue.agentChanged(userKey);
  }
}
