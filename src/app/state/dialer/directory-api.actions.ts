import { createActionGroup, props } from '@ngrx/store';
import type { DirectoryPerson } from '../../model/directory-person';
import type { Failure } from '../../model/failure';
import type { TeamsCloud } from '../../model/identity';

/** What the organization's directory (Microsoft Graph) said: the dialer's lookups, the names of people in calls. */
export const DirectoryApiActions = createActionGroup({
  source: 'Directory API',
  events: {
    'People Found': props<{ text: string; people: DirectoryPerson[] }>(),
    'People Search Failed': props<{ text: string; failure: Failure }>(),
    'Person Found': props<{ person: DirectoryPerson; cloud: TeamsCloud }>(),
    'Person Lookup Failed': props<{ id: string; failure: Failure }>(),
    /** A Teams user the SDK gave no name (it never names Teams users) has one in the directory. */
    'Participant Named': props<{ participantId: string; displayName: string }>(),
  },
});
