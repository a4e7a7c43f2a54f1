import type {
  TeamsMeetingCoordinatesLocator,
  TeamsMeetingIdLocator,
  TeamsMeetingLinkLocator,
} from '@azure/communication-calling';

/**
 * The three ways to name a Teams meeting to join. Each is enough for anyone to join it, so each is
 * a secret: it goes from the join form to the SDK and nowhere else (docs/architecture.md, secrets).
 */
export type MeetingLocator = TeamsMeetingLinkLocator | TeamsMeetingCoordinatesLocator | TeamsMeetingIdLocator;
