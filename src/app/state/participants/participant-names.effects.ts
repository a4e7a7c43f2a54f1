import { inject } from '@angular/core';
import { createIdentifierFromRawId } from '@azure/communication-common/identifiers';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { defer, from } from 'rxjs';
import { filter, map, mergeMap } from 'rxjs/operators';
import type { ParticipantSnapshot } from '../../model/snapshots';
import { GraphService } from '../../graph/graph.service';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';

/** How many directory lookups run at once when a large meeting's roster arrives. */
const LOOKUPS_AT_ONCE = 4;

/** The Teams users among new participants whom the SDK gave no name, by raw id and user id. */
function unnamedTeamsUsers(participants: readonly ParticipantSnapshot[]) {
  return participants.flatMap(({ participantId, identity, displayName }) => {
    if (displayName || identity.kind !== 'microsoftTeamsUser') return [];
    const identifier = createIdentifierFromRawId(identity.rawId);
    return identifier.kind === 'microsoftTeamsUser'
      ? [{ participantId, userId: identifier.microsoftTeamsUserId }]
      : [];
  });
}

/**
 * Names the Teams users in calls. The SDK leaves a Teams user's `displayName` unset, so the roster
 * would read "Teams user" for every colleague: each is looked up once in the directory (Microsoft
 * Graph), and the name fills the participant's (and a 1:1's counterpart's) empty `displayName`. A
 * lookup that fails leaves the participant unnamed and is tried again the next time they join a call.
 */
export const participantNames$ = createEffect(
  (actions$ = inject(Actions), graph = inject(GraphService)) => {
    const names = new Map<string, Promise<string | null>>();
    const nameOf = (userId: string): Promise<string | null> => {
      let name = names.get(userId);
      if (!name) {
        name = graph.person(userId).then(
          (person) => (person.displayName && person.displayName !== person.id ? person.displayName : null),
          () => null,
        );
        names.set(userId, name);
        void name.then((found) => found === null && names.delete(userId));
      }
      return name;
    };
    return actions$.pipe(
      ofType(CallingSdkEvents.participantsAdded),
      mergeMap(({ participants }) => from(unnamedTeamsUsers(participants))),
      mergeMap(
        ({ participantId, userId }) =>
          defer(() => nameOf(userId)).pipe(
            filter((displayName): displayName is string => displayName !== null),
            map((displayName) => DirectoryApiActions.participantNamed({ participantId, displayName })),
          ),
        LOOKUPS_AT_ONCE,
      ),
    );
  },
  { functional: true },
);
