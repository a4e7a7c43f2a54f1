import { inject } from '@angular/core';
import {
  createIdentifierFromRawId,
  isMicrosoftTeamsUserIdentifier,
} from '@azure/communication-common/identifiers';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { defer, EMPTY, of } from 'rxjs';
import { catchError, concatMap, debounceTime, filter, map, switchMap, tap } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { CallingFailure } from '../../calling/calling-codes';
import { type Failure } from '../../model/failure';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { removeFromCallChat, threadForGroupCall } from '../../graph/chat-threads';
import { GraphService, toGraphFailure } from '../../graph/graph.service';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { ChatThreadsApiActions } from './chat-threads-api.actions';
import { DialerActions } from './dialer.actions';
import { DirectoryApiActions } from './directory-api.actions';
import { agentFeature, selectTeamsCloud } from '../agent/agent.feature';
import { isNameSearch } from './dialer-input';
import { DIRECTORY_SEARCH_SCHEDULER, SEARCH_DEBOUNCE_MS } from './outbound-time';

/** A Graph failure in words with its HTTP status; the console's own (a call that ended) as it is. */
const failureOf = (error: unknown, purpose: string): Failure => {
  if (error instanceof CallingFailure) return { message: error.message };
  const { message, code } = toGraphFailure(error, purpose);
  return code === undefined ? { message } : { message, code };
};

/** Suggestions as the agent types a name: the directory is asked once typing pauses. */
export const searchPeople$ = createEffect(
  (
    actions$ = inject(Actions),
    graph = inject(GraphService),
    scheduler = inject(DIRECTORY_SEARCH_SCHEDULER),
  ) =>
    actions$.pipe(
      ofType(DialerActions.searchChanged),
      debounceTime(SEARCH_DEBOUNCE_MS, scheduler),
      switchMap(({ text }) =>
        isNameSearch(text)
          ? defer(() => graph.searchPeople(text)).pipe(
              map((people) => DirectoryApiActions.peopleFound({ text, people })),
              catchError((error: unknown) =>
                of(
                  DirectoryApiActions.peopleSearchFailed({
                    text,
                    failure: failureOf(error, 'Looking people up'),
                  }),
                ),
              ),
            )
          : EMPTY,
      ),
    ),
  { functional: true },
);

/** A pasted Teams user id becomes a target once the directory says whose it is. */
export const lookUpPerson$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), graph = inject(GraphService)) =>
    actions$.pipe(
      ofType(DialerActions.teamsUserIdEntered),
      concatLatestFrom(() => store.select(selectTeamsCloud)),
      concatMap(([{ id }, cloud]) =>
        defer(() => graph.person(id)).pipe(
          map((person) => DirectoryApiActions.personFound({ person, cloud })),
          catchError((error: unknown) =>
            of(
              DirectoryApiActions.personLookupFailed({
                id,
                failure: failureOf(error, 'Looking the user up'),
              }),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** A group call's chat thread, before the call is placed through the line of call controls. */
export const groupCallThread$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), graph = inject(GraphService)) =>
    actions$.pipe(
      ofType(DialerActions.groupCallClicked),
      concatLatestFrom(() => store.select(agentFeature.selectUser)),
      concatMap(([{ targets }, user]) =>
        defer(() => threadForGroupCall(graph, user?.microsoftTeamsUserId ?? '', targets)).pipe(
          map((threadId) => ChatThreadsApiActions.groupCallThreadReady({ targets, threadId })),
          catchError((error: unknown) =>
            of(
              ChatThreadsApiActions.groupCallThreadFailed({
                failure: failureOf(error, 'Creating the call’s chat'),
              }),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

/**
 * A Teams user removed from a call leaves its chat too: Teams does not keep the two in step, so the
 * console does, as it added them to both.
 */
export const leaveChatOnRemoval$ = createEffect(
  (actions$ = inject(Actions), graph = inject(GraphService), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(CallingApiActions.participantOperationSucceeded),
      filter(({ operation }) => operation === 'removeParticipant'),
      concatMap(({ callId, participantId }) => {
        // A Teams user, in whichever cloud (`8:orgid:`, `8:gcch:`, `8:dod:`); not a meeting guest.
        const identifier = createIdentifierFromRawId(participantId);
        if (!isMicrosoftTeamsUserIdentifier(identifier) || identifier.isAnonymous) return EMPTY;
        const threadId = registry.liveCalls().find((call) => call.id === callId)?.info.threadId;
        if (!threadId) return EMPTY;
        const userId = identifier.microsoftTeamsUserId.toLowerCase();
        return defer(() => removeFromCallChat(graph, threadId, userId)).pipe(
          map(() => ChatThreadsApiActions.chatMemberRemoved({ callId, participantId })),
          catchError((error: unknown) =>
            of(
              ChatThreadsApiActions.chatMemberRemovalFailed({
                callId,
                participantId,
                failure: failureOf(error, 'Taking them out of the call’s chat'),
              }),
            ),
          ),
        );
      }),
    ),
  { functional: true },
);

/** Meeting locators sealed for a join the line never ran are dropped with the session. */
export const discardMeetingLocators$ = createEffect(
  (actions$ = inject(Actions), meetingLocators = inject(SealedMeetingLocators)) =>
    actions$.pipe(
      ofType(ShellActions.signOutClicked),
      tap(() => meetingLocators.discardAll()),
    ),
  { functional: true, dispatch: false },
);
