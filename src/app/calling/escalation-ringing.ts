import type { RemoteParticipant, TeamsCall } from '@azure/communication-calling';
import { merge, Subscription } from 'rxjs';
import { filter, map, startWith } from 'rxjs/operators';
import type { Failure } from '../model/failure';
import { describeNotJoined } from './escalation-codes';
import type { EscalationStepName } from './escalation';
import { toEndReason } from './snapshots';
import { fromSdkEvent } from './sdk-event';

/** Until they connect or leave: how far a newcomer got. */
export type NewcomerOutcome =
  'connected' | { readonly failedStep: EscalationStepName; readonly failure: Failure };

/** States in which the newcomer is being called (a phone number rings as early media). */
const RINGING: ReadonlySet<string> = new Set(['Ringing', 'EarlyMedia']);

/**
 * Follows a participant just added until they connect or leave, reporting `ringing` once. Their
 * listeners (and the call's) end with the outcome. Aborted, they are taken out of the call.
 */
export function followNewcomer(
  call: TeamsCall,
  participant: RemoteParticipant,
  /** As it was added: how `removeParticipant` names them. */
  identifier: Parameters<TeamsCall['removeParticipant']>[0],
  name: string,
  signal: AbortSignal,
  onStep: (event: { step: 'ringing' }) => void,
): Promise<NewcomerOutcome> {
  let rang = false;
  const leftBefore = (): EscalationStepName => (rang ? 'ringing' : 'participant');
  const states$ = merge(
    fromSdkEvent(participant, 'stateChanged').pipe(
      startWith(undefined),
      map(() => participant.state),
    ),
    // A call that ends takes its participants with it, whatever they reported last.
    fromSdkEvent(call, 'stateChanged').pipe(
      map(() => call.state),
      filter((state) => state === 'Disconnected'),
      map(() => 'CallEnded' as const),
    ),
  );
  return new Promise<NewcomerOutcome>((resolve) => {
    let done = false;
    // Made first: an outcome known at once (a sync emission) closes it before the listeners are added.
    const subscription = new Subscription();
    const finish = (outcome: NewcomerOutcome) => {
      if (done) return;
      done = true;
      subscription.unsubscribe();
      signal.removeEventListener('abort', abort);
      resolve(outcome);
    };
    const abort = () => {
      const stopped = { failedStep: leftBefore(), failure: { message: `Adding ${name} was stopped.` } };
      if (participant.state === 'Disconnected' || call.state === 'Disconnected') return finish(stopped);
      call.removeParticipant(identifier).then(
        () => finish(stopped),
        () => finish(stopped),
      );
    };
    subscription.add(
      states$.subscribe((state) => {
        if (RINGING.has(state) && !rang) {
          rang = true;
          onStep({ step: 'ringing' });
        } else if (state === 'Connected') {
          finish('connected');
        } else if (state === 'Disconnected') {
          finish({
            failedStep: leftBefore(),
            failure: describeNotJoined(name, toEndReason(participant.callEndReason)),
          });
        } else if (state === 'CallEnded') {
          finish({ failedStep: leftBefore(), failure: { message: `The call ended before ${name} joined.` } });
        }
      }),
    );
    if (signal.aborted) abort();
    else if (!done) signal.addEventListener('abort', abort, { once: true });
  });
}
