import { partyInfo, type CallModel } from './call-model';
import type { Meeting } from './meetings';
import type { SpeakerStorm } from './speaker-storm';
import type { QueueRouting } from './queue-routing';
import type { ChatThread } from './threads';

/**
 * Plain JSON of the world, for `GET /emulator/state` and tests: the queue (calls nobody answered
 * yet, and where they ring), every live call with every party (and its leg, for a console), the
 * DTMF tones sent in it, its recording, the consoles, each queue's routing settings and each user's presence.
 */
export function worldSnapshot<Consoles, Queues, Presence>(world: {
  now: number;
  calls: Iterable<CallModel>;
  waiting: ReturnType<QueueRouting['waitingCalls']>;
  userOf: (endpointId: string) => string;
  consoles: Consoles;
  /** Each queue's name and routing settings. */
  queues: Queues;
  /** Each directory user's aggregated presence, by user key. */
  presence: Presence;
}) {
  const { now, userOf } = world;
  const waitingIds = new Set(world.waiting.map(({ call }) => call.id));
  return {
    now,
    queue: world.waiting.map(({ call, queue, caller }) => ({
      id: call.id,
      caller: partyInfo(caller),
      queue: queue.name,
      waitingMs: now - call.createdAt,
      ringing: [...call.offers.keys()].map(userOf),
    })),
    calls: [...world.calls]
      .filter((call) => !waitingIds.has(call.id))
      .map((call) => ({
        id: call.id,
        kind: call.kind,
        ...(call.threadId && { threadId: call.threadId }),
        ...(call.meetingKey && { meeting: call.meetingKey }),
        startedAt: call.createdAt,
        parties: [...call.parties.values()].map((party) => ({
          id: party.id,
          kind: party.kind,
          ...(party.key && { key: party.key }),
          ...(party.displayName && { displayName: party.displayName }),
          state: party.state,
          role: party.role,
          isMuted: party.isMuted,
          isSpeaking: party.isSpeaking,
          videoOn: party.videoOn,
          ...(party.leg && {
            leg: {
              userKey: userOf(party.leg.endpointId),
              callId: party.leg.callId,
              direction: party.leg.direction,
              state: party.leg.state,
            },
          }),
        })),
        ringing: [...call.offers.values()].map((offer) => ({
          userKey: userOf(offer.endpointId),
          ...(offer.partyId && { as: offer.partyId }),
        })),
        dtmf: call.dtmf.map(({ from, tone, at }) => ({ from, tone, at })),
        ...(call.recording && { recording: { consentRequired: call.recording.consentRequired } }),
      })),
    consoles: world.consoles,
    queues: world.queues,
    presence: world.presence,
  };
}

/** A meeting as the control API shows it (its coordinates are for tests and demos to join with). */
export function meetingJson(meeting: Meeting, storm?: SpeakerStorm) {
  const { callId, attendees, generatedAttendees, autoAdmitMs, organizer, ...rest } = meeting;
  return {
    ...rest,
    organizer: {
      key: organizer.key,
      displayName: organizer.displayName,
      microsoftTeamsUserId: organizer.microsoftTeamsUserId,
    },
    attendees: [...attendees],
    generatedAttendees: generatedAttendees.length,
    autoAdmitSeconds: autoAdmitMs / 1000,
    inProgress: callId !== undefined,
    ...(storm && { speaking: speakingJson(storm) }),
  };
}

/** A speaker storm as the controls report it: its rate, and when it ends (ISO, on the world's clock). */
export function speakingJson(storm: SpeakerStorm) {
  return {
    meeting: storm.meetingKey,
    perSecond: storm.perSecond,
    seconds: storm.seconds,
    startedAt: new Date(storm.startedAt).toISOString(),
    endsAt: new Date(storm.endsAt).toISOString(),
    flips: storm.flips,
  };
}

export function threadJson(thread: ChatThread) {
  return {
    id: thread.id,
    ...(thread.topic && { topic: thread.topic }),
    members: [...thread.members],
    informationBarrier: thread.informationBarrier,
  };
}
