import type { RemoteParticipant, TeamsCall } from '@azure/communication-calling';
import type { DialTarget } from '../model/dial-target';
import type { Failure } from '../model/failure';
import type { CallRegistry } from './call-registry';
import { toFailure } from './calling-codes';
import { targetName, targetRawId, toSdkIdentifier } from './dial-target';
import {
  describeAddRefused,
  describeChatRefusal,
  describeThreadFailure,
  withChatLeftover,
} from './escalation-codes';
import { followNewcomer } from './escalation-ringing';
import { participantId } from './snapshots';

/**
 * The Teams chats a call's escalation needs (Microsoft Graph, behind `graph/`): the member rule
 * Teams recommends, and finding, creating and changing group chats. Failures carry a sentence and
 * the HTTP status as `code`.
 */
export interface EscalationChats {
  /** The members of a call's chat, as Teams recommends (the phone stand-in for phone parties). */
  membersFor(teamsUserIds: readonly string[], withPhoneParties: boolean): string[];
  findGroupChat(memberIds: readonly string[]): Promise<string | null>;
  createGroupChat(memberIds: readonly string[]): Promise<string>;
  chatMembers(threadId: string): Promise<readonly { membershipId: string; userId: string }[]>;
  /** Resolves to the new membership's id. */
  addChatMember(threadId: string, userId: string): Promise<string>;
  removeChatMember(threadId: string, membershipId: string): Promise<void>;
}

/** A step of bringing one person in, at which it can fail. */
export type EscalationStepName = 'thread' | 'member' | 'participant' | 'ringing';

/** What the escalation has just done for one person (`personId`: their raw id), in order. */
export type EscalationEvent =
  | { readonly step: 'threadEnsured'; readonly personId: string; readonly found: boolean }
  | { readonly step: 'memberAdded'; readonly personId: string; readonly alreadyMember: boolean }
  | { readonly step: 'participantAdded'; readonly personId: string }
  | { readonly step: 'ringing'; readonly personId: string }
  | { readonly step: 'connected'; readonly personId: string }
  | {
      readonly step: 'failed';
      readonly personId: string;
      readonly failedStep: EscalationStepName;
      readonly failure: Failure;
    };

export interface Escalation {
  readonly callId: string;
  /** The signed-in agent's Teams user id (object id). */
  readonly me: string;
  /** Teams users and phone numbers to bring in. */
  readonly targets: readonly DialTarget[];
}

export interface EscalationOptions {
  /** Aborted on sign-out: whoever still rings is taken out of the call and the chat again. */
  readonly signal: AbortSignal;
  readonly onStep: (event: EscalationEvent) => void;
  /**
   * Another escalation of the same call still adding people: waited for before the call's chat
   * is read, it resolves to the thread it put the call on (the call's own `info` may not say so
   * yet), so a 1:1 escalated twice at once gets one chat.
   */
  readonly after?: Promise<string | null>;
  /** Called once everyone has been added (or failed), with the thread the call is now on, if any. */
  readonly onAdded?: (threadId: string | null) => void;
}

/** The chat a call is escalated with, and the memberships made while getting it. */
interface CallChat {
  readonly threadId: string;
  /** Found among the agent's chats (or the call's own), rather than created for this escalation. */
  readonly found: boolean;
  /** Newcomers already in it, as it was found (nothing of theirs to undo). */
  readonly alreadyIn: ReadonlySet<string>;
  /** Newcomers made members by creating it: their memberships, to undo if they are not added. */
  readonly seeded: ReadonlyMap<string, string>;
}

const teamsUserId = (target: DialTarget) =>
  target.kind === 'microsoftTeamsUser' ? target.microsoftTeamsUserId.toLowerCase() : null;

const present = (call: TeamsCall) => call.remoteParticipants.filter((p) => p.state !== 'Disconnected');

/**
 * Brings people into a call, making a 1:1 a group call (the guide's "Manage chat thread"). In
 * order, reporting each step per person:
 * 1. the call's chat: a group call's own; for a 1:1, the group chat Teams recommends for everyone
 *    who will be in it, found among the agent's chats or else created (with the phone stand-in
 *    `00000000-0000-0000-0000-000000000000` where phone parties take part and the Teams users are
 *    two or fewer);
 * 2. each Teams user joins that chat before the call adds them (an information barrier would keep
 *    a non-member out);
 * 3. `addParticipant` with the chat's thread;
 * 4. they ring, then connect, or not.
 * A person who fails leaves behind nothing this escalation added: the membership it made is
 * removed, and a participant still in the call is taken out. Each failure says, by name, what
 * failed. Resolves once every person has connected or failed.
 */
export async function escalateCall(
  registry: CallRegistry,
  chats: EscalationChats,
  escalation: Escalation,
  options: EscalationOptions,
): Promise<void> {
  let earlier: string | null = null;
  try {
    earlier = (await options.after) ?? null;
    await bringIn(registry, chats, escalation, earlier, options);
  } finally {
    options.onAdded?.(earlier);
  }
}

async function bringIn(
  registry: CallRegistry,
  chats: EscalationChats,
  { callId, me, targets }: Escalation,
  earlierThread: string | null,
  { signal, onStep, onAdded = () => undefined }: EscalationOptions,
): Promise<void> {
  const fail = (target: DialTarget, failedStep: EscalationStepName, failure: Failure) =>
    onStep({ step: 'failed', personId: targetRawId(target), failedStep, failure });
  let call: TeamsCall;
  try {
    call = registry.call(callId);
  } catch (error) {
    for (const target of targets) fail(target, 'thread', toFailure(error));
    return;
  }
  const inCall = new Set(present(call).map(participantId));
  const newcomers = targets.filter((target, index) => {
    const id = targetRawId(target);
    if (targets.findIndex((t) => targetRawId(t) === id) !== index) return false;
    if (!inCall.has(id)) return true;
    fail(target, 'participant', { message: `${targetName(target)} is already in this call.` });
    return false;
  });
  if (newcomers.length === 0) return;

  let chat: CallChat;
  try {
    chat = await callChat(call, earlierThread, chats, me, newcomers);
  } catch (error) {
    for (const target of newcomers)
      fail(target, 'thread', describeThreadFailure(targetName(target), chatFailure(error)));
    return;
  }
  for (const target of newcomers)
    onStep({ step: 'threadEnsured', personId: targetRawId(target), found: chat.found });

  const following: Promise<void>[] = [];
  let added = false;
  for (const target of newcomers) {
    const personId = targetRawId(target);
    const name = targetName(target);
    const userId = teamsUserId(target);
    if (signal.aborted) {
      const stopped = { message: `Adding ${name} was stopped.` };
      const leftover = await undoMembership(chats, chat, chat.seeded.get(userId ?? ''));
      fail(target, 'member', leftover ? withChatLeftover(stopped, name, leftover) : stopped);
      continue;
    }
    let membershipId: string | null = null;
    if (userId) {
      try {
        membershipId = await joinChat(chats, chat, userId);
      } catch (error) {
        fail(target, 'member', describeChatRefusal(name, chatFailure(error)));
        continue;
      }
      onStep({ step: 'memberAdded', personId, alreadyMember: membershipId === null });
    }
    const undo = async (failure: Failure): Promise<Failure> => {
      const leftover = await undoMembership(chats, chat, membershipId);
      return leftover ? withChatLeftover(failure, name, leftover) : failure;
    };
    const identifier = toSdkIdentifier(target);
    let participant: RemoteParticipant;
    try {
      participant = call.addParticipant(identifier, { threadId: chat.threadId });
    } catch (error) {
      fail(target, 'participant', await undo(describeAddRefused(name, toFailure(error, 'addParticipant'))));
      continue;
    }
    added = true;
    onStep({ step: 'participantAdded', personId });
    following.push(
      followNewcomer(call, participant, identifier, name, signal, (event) =>
        onStep({ ...event, personId }),
      ).then(async (outcome) => {
        if (outcome === 'connected') return onStep({ step: 'connected', personId });
        fail(target, outcome.failedStep, await undo(outcome.failure));
      }),
    );
  }
  onAdded(added ? chat.threadId : earlierThread);
  await Promise.all(following);
}

/**
 * The chat to add everyone with. A group call (or meeting) has its own. For a 1:1, the chat of
 * everyone who will be in the call, as Teams recommends: found among the agent's chats if they
 * already share one (so calls with the same people share a chat); otherwise created with the
 * people already in the call, and as many newcomers as a group chat needs to have two members.
 */
async function callChat(
  call: TeamsCall,
  earlierThread: string | null,
  chats: EscalationChats,
  me: string,
  newcomers: readonly DialTarget[],
): Promise<CallChat> {
  const own = call.info.threadId || earlierThread;
  if (own) return { threadId: own, found: true, alreadyIn: new Set(), seeded: new Map() };
  const parties = present(call);
  const inCallUsers = parties.flatMap(({ identifier }) =>
    identifier.kind === 'microsoftTeamsUser' ? [identifier.microsoftTeamsUserId.toLowerCase()] : [],
  );
  const newUsers = newcomers.flatMap((t) => teamsUserId(t) ?? []);
  const withPhones =
    parties.some(({ identifier }) => identifier.kind === 'phoneNumber') ||
    newcomers.some((t) => t.kind === 'phoneNumber');
  const members = chats.membersFor([me.toLowerCase(), ...inCallUsers, ...newUsers], withPhones);
  const found = await chats.findGroupChat(members);
  if (found) return { threadId: found, found: true, alreadyIn: new Set(newUsers), seeded: new Map() };
  const base = members.filter((id) => !newUsers.includes(id));
  const seed = newUsers.slice(0, Math.max(0, 2 - base.length));
  const threadId = await chats.createGroupChat([...base, ...seed]);
  const memberships = seed.length === 0 ? [] : await chats.chatMembers(threadId);
  return {
    threadId,
    found: false,
    alreadyIn: new Set(),
    seeded: new Map(
      memberships
        .filter((m) => seed.includes(m.userId.toLowerCase()))
        .map((m) => [m.userId.toLowerCase(), m.membershipId]),
    ),
  };
}

/** Puts a Teams user in the call's chat; resolves to the membership made, or null if they were in it. */
async function joinChat(chats: EscalationChats, chat: CallChat, userId: string): Promise<string | null> {
  if (chat.alreadyIn.has(userId)) return null;
  const seeded = chat.seeded.get(userId);
  if (seeded) return seeded;
  const members = await chats.chatMembers(chat.threadId);
  if (members.some((m) => m.userId.toLowerCase() === userId)) return null;
  return chats.addChatMember(chat.threadId, userId);
}

/** Removes a membership this escalation made; resolves to the failure if it stays. */
async function undoMembership(
  chats: EscalationChats,
  chat: CallChat,
  membershipId: string | null | undefined,
): Promise<Failure | null> {
  if (!membershipId) return null;
  try {
    await chats.removeChatMember(chat.threadId, membershipId);
    return null;
  } catch (error) {
    return chatFailure(error);
  }
}

/** A Graph failure as it came (its sentence, its HTTP status): not an SDK code to look up. */
function chatFailure(error: unknown): Failure {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return {
    message: typeof message === 'string' && message ? message : 'Microsoft Graph did not answer.',
    ...(typeof code === 'number' && { code }),
  };
}
