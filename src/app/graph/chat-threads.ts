import type { DialTarget } from '../model/dial-target';
import { PHONE_PARTICIPANT_ID, type GraphService } from './graph.service';

/**
 * Who the chat of a call has as members. A group call needs a chat thread, and Teams recommends
 * which (docs/architecture.md, chat threads): with more than two Teams users, a group chat of
 * them; with fewer and phone parties, a group chat of the Teams users and the phone participant
 * stand-in `00000000-0000-0000-0000-000000000000`.
 */
export function chatMembersForCall(teamsUserIds: readonly string[], withPhoneParties: boolean): string[] {
  const users = [...new Set(teamsUserIds)];
  return users.length > 2 || !withPhoneParties ? users : [...users, PHONE_PARTICIPANT_ID];
}

/**
 * The group chat of exactly these members (the signed-in user among them), as Teams recommends:
 * the one they already have if any, so a call with the same parties again shares its chat;
 * otherwise a new one.
 */
async function groupChatFor(graph: GraphService, members: readonly string[]): Promise<string> {
  return (await graph.findGroupChat(members)) ?? (await graph.createGroupChat(members));
}

/** The chat thread for a new group call from the signed-in user to these targets. */
export async function threadForGroupCall(
  graph: GraphService,
  me: string,
  targets: readonly DialTarget[],
): Promise<string> {
  const teamsUsers = targets.flatMap((t) =>
    t.kind === 'microsoftTeamsUser' ? [t.microsoftTeamsUserId] : [],
  );
  const withPhones = targets.some((t) => t.kind === 'phoneNumber');
  return groupChatFor(graph, chatMembersForCall([me, ...teamsUsers], withPhones));
}

/** Takes a Teams user who left the call out of its chat too (the chat and the roster are kept alike). */
export async function removeFromCallChat(
  graph: GraphService,
  threadId: string,
  userId: string,
): Promise<void> {
  const membership = (await graph.chatMembers(threadId)).find((m) => m.userId === userId);
  if (membership) await graph.removeChatMember(threadId, membership.membershipId);
}

/**
 * The chats an escalation needs, over Graph (the port `calling/escalation.ts` declares): the
 * member rule above, and the service's chat operations.
 */
export function callChats(graph: GraphService) {
  return {
    membersFor: chatMembersForCall,
    findGroupChat: (members: readonly string[]) => graph.findGroupChat(members),
    createGroupChat: (members: readonly string[]) => graph.createGroupChat(members),
    chatMembers: (threadId: string) => graph.chatMembers(threadId),
    addChatMember: (threadId: string, userId: string) => graph.addChatMember(threadId, userId),
    removeChatMember: (threadId: string, membershipId: string) =>
      graph.removeChatMember(threadId, membershipId),
  };
}
