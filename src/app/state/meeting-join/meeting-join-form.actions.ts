import { createActionGroup, props } from '@ngrx/store';
import type { MeetingLocatorKind } from '../../calling/meeting-locator';

/**
 * The join form's click. The locator itself (a link, coordinates, an ID and passcode) is a secret:
 * it never travels in an action, where the devtools and the log would see it. The form seals it
 * (`sealMeetingLocator`) and the action carries the ticket that unseals it once, and how it names
 * the meeting.
 */
export const MeetingJoinFormActions = createActionGroup({
  source: 'Meeting Join Form',
  events: {
    'Join Clicked': props<{ ticket: string; kind: MeetingLocatorKind }>(),
  },
});
