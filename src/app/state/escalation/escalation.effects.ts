import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store, type Action } from '@ngrx/store';
import { EMPTY, merge, Observable, of } from 'rxjs';
import { map, mergeMap, takeUntil } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { escalateCall, type EscalationEvent } from '../../calling/escalation';
import { callChats } from '../../graph/chat-threads';
import { GraphService } from '../../graph/graph.service';
import { teamsUserTarget, type DialTarget } from '../../model/dial-target';
import { agentFeature, selectTeamsCloud } from '../agent/agent.feature';
import { ShellActions } from '../agent/shell.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { callsFeature } from '../calls/calls.feature';
import { FloorApiActions } from '../floor/floor-api.actions';
import { participantsFeature } from '../participants/participants.feature';
import { TransferApiActions } from '../transfer/transfer-api.actions';
import { CallLeavingActions } from './call-leaving.actions';
import { EscalationApiActions } from './escalation-api.actions';
import { EscalationDialogActions } from './escalation-dialog.actions';

/** A workflow step as the action that reports it. */
function reported(callId: string, event: EscalationEvent): Action {
  switch (event.step) {
    case 'threadEnsured':
      return EscalationApiActions.threadEnsured({ callId, personId: event.personId, found: event.found });
    case 'memberAdded':
      return EscalationApiActions.chatMemberAdded({
        callId,
        personId: event.personId,
        alreadyMember: event.alreadyMember,
      });
    case 'participantAdded':
      return EscalationApiActions.participantAdded({ callId, personId: event.personId });
    case 'ringing':
      return EscalationApiActions.ringing({ callId, personId: event.personId });
    case 'connected':
      return EscalationApiActions.connected({ callId, personId: event.personId });
    case 'failed':
      return EscalationApiActions.failed({
        callId,
        personId: event.personId,
        failedStep: event.failedStep,
        failure: event.failure,
      });
  }
}

/**
 * Brings people into a call: those the agent confirmed in the Escalate dialog, the target of a
 * consult the agent turned into a conference, and a supervisor
 * the floor says is joining (asked for by the agent, or joining from the floor by themselves):
 * the same workflow either way. Each step is reported as it happens; escalations run side by
 * side (one may ring for a minute), and sign-out stops them, taking back what is still ringing.
 */
export const escalate$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    registry = inject(CallRegistry),
    graph = inject(GraphService),
  ) => {
    // Per call, the escalation still adding people: the next one waits for its chat to settle.
    const adding = new Map<string, Promise<string | null>>();
    const turn = (callId: string) => {
      const after = adding.get(callId) ?? Promise.resolve(null);
      let added!: (threadId: string | null) => void;
      const mine = new Promise<string | null>((resolve) => (added = resolve));
      adding.set(callId, mine);
      const release = (threadId: string | null) => {
        added(threadId);
        if (adding.get(callId) === mine) adding.delete(callId);
      };
      return { after, release };
    };
    return merge(
      actions$.pipe(ofType(EscalationDialogActions.confirmClicked, TransferApiActions.conferenceReady)),
      actions$.pipe(
        ofType(FloorApiActions.joinRequested),
        concatLatestFrom(() => store.select(selectTeamsCloud)),
        map(([{ callId, supervisor }, cloud]) => ({
          callId,
          targets: [teamsUserTarget(supervisor.id, supervisor.displayName, cloud)],
        })),
      ),
    ).pipe(
      concatLatestFrom(() => store.select(agentFeature.selectUser)),
      mergeMap(([{ callId, targets }, user]) =>
        escalation(registry, graph, callId, user?.microsoftTeamsUserId ?? '', targets, turn(callId)).pipe(
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    );
  },
  { functional: true },
);

function escalation(
  registry: CallRegistry,
  graph: GraphService,
  callId: string,
  me: string,
  targets: readonly DialTarget[],
  { after, release }: { after: Promise<string | null>; release: (threadId: string | null) => void },
): Observable<Action> {
  return new Observable<Action>((subscriber) => {
    const stop = new AbortController();
    subscriber.next(EscalationApiActions.escalationStarted({ callId, targets: [...targets] }));
    escalateCall(
      registry,
      callChats(graph),
      { callId, me, targets },
      {
        signal: stop.signal,
        onStep: (event) => subscriber.next(reported(callId, event)),
        after,
        onAdded: release,
      },
    ).then(
      () => subscriber.complete(),
      (error: unknown) => subscriber.error(error),
    );
    return () => stop.abort();
  });
}

/** States in which someone is still in a call the agent leaves. */
const STAYING: ReadonlySet<string> = new Set(['Connected', 'Hold']);

/**
 * Hanging up a group call that others stay in leaves it to them: who they are is read as the
 * agent clicks, for the words that follow ("You left; the call goes on with …").
 */
export const leaveGroupCall$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) =>
    actions$.pipe(
      ofType(ActiveCallPanelActions.hangUpClicked),
      concatLatestFrom(() => [
        store.select(callsFeature.selectEntities),
        store.select(participantsFeature.selectAllParticipants),
      ]),
      mergeMap(([{ callId }, calls, participants]) => {
        if (calls[callId]?.kind !== 'group') return EMPTY;
        const others = participants
          .filter((p) => p.callId === callId && STAYING.has(p.state))
          .map(({ identity, displayName }) => ({ identity, displayName }));
        // One other would be left alone: the call does not go on in any useful sense.
        return others.length < 2 ? EMPTY : of(CallLeavingActions.leftWhileOthersStay({ callId, others }));
      }),
    ),
  { functional: true },
);
