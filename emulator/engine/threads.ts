import { TEAMS_USER_ID } from './directory';
import type { Random } from './random';

/**
 * Chat threads. A Teams group call and `addParticipant` name one (`threadId`): the call's chat,
 * whose members the calling SDK does not keep in sync with the call's roster. Where a thread has
 * an information barrier, a Teams user who is not a member cannot be brought into its calls.
 */
export interface ChatThread {
  /** `19:<guid>@thread.v2` (a meeting's: `19:meeting_<id>@thread.v2`). */
  readonly id: string;
  readonly topic?: string;
  /** Teams user ids (object ids, lower case); "00000000-0000-0000-0000-000000000000" stands for phone participants. */
  readonly members: Set<string>;
  readonly informationBarrier: boolean;
  readonly createdAt: number;
}

/** What a chat id looks like: `19:` then letters, digits and `_-.`, then `@thread.v2` (or `.tacv2`, `.skype`). */
export const THREAD_ID = /^19:[0-9A-Za-z_.-]{1,200}@thread\.(v2|tacv2|skype)$/;

/** The most members a Teams group chat holds. */
export const MAX_THREAD_MEMBERS = 250;

export interface NewThread {
  readonly members: readonly string[];
  readonly informationBarrier?: boolean;
  readonly topic?: string;
}

export class Threads {
  private readonly threads = new Map<string, ChatThread>();

  constructor(private readonly random: Random) {}

  /** A new chat. Throws a `RangeError` naming what is wrong with `members`. */
  create(spec: NewThread, now: number, id?: string): ChatThread {
    const problem = membersProblem(spec.members);
    if (problem) throw new RangeError(problem);
    const thread: ChatThread = {
      id: id ?? `19:${this.random.guid()}@thread.v2`,
      ...(spec.topic && { topic: spec.topic }),
      members: new Set(spec.members.map((m) => m.toLowerCase())),
      informationBarrier: spec.informationBarrier ?? false,
      createdAt: now,
    };
    this.threads.set(thread.id, thread);
    return thread;
  }

  get(id: string): ChatThread | undefined {
    return this.threads.get(id);
  }

  list(): ChatThread[] {
    return [...this.threads.values()];
  }

  addMember(threadId: string, microsoftTeamsUserId: string): void {
    this.require(threadId).members.add(microsoftTeamsUserId.toLowerCase());
  }

  removeMember(threadId: string, microsoftTeamsUserId: string): void {
    this.require(threadId).members.delete(microsoftTeamsUserId.toLowerCase());
  }

  /** Whether a Teams user may take part in this thread's calls (the information barrier). */
  admits(thread: ChatThread, microsoftTeamsUserId: string): boolean {
    return !thread.informationBarrier || thread.members.has(microsoftTeamsUserId.toLowerCase());
  }

  private require(threadId: string): ChatThread {
    const thread = this.threads.get(threadId);
    if (!thread) throw new RangeError(`No chat thread "${threadId}".`);
    return thread;
  }
}

/** What is wrong with a thread's member list, or `undefined`. */
export function membersProblem(members: unknown): string | undefined {
  if (!Array.isArray(members) || members.length < 1 || members.length > MAX_THREAD_MEMBERS)
    return `"members" must be a list of 1 to ${MAX_THREAD_MEMBERS} Teams user ids.`;
  const bad = members.find((m) => typeof m !== 'string' || !TEAMS_USER_ID.test(m));
  if (bad !== undefined)
    return `"members" holds Teams user ids (GUIDs, e.g. 00000000-0000-4000-8000-00000000a001), not ${JSON.stringify(bad)}.`;
  return undefined;
}
