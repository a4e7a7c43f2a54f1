import type { Action } from '@ngrx/store';
import { MAX_PARTICIPANTS } from '../../../../server/floor/floor-protocol';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';
import { participantsFeature } from '../participants/participants.feature';
import { queueFeature } from '../queue/queue.feature';
import { call, participant } from '../testing/snapshots';
import { selectFloorReportBody } from './floor-report';

function stateAfter(...actions: Action[]) {
  const reduce = <S>(reducer: (state: S | undefined, action: Action) => S) =>
    actions.reduce(reducer, reducer(undefined, { type: 'init' }));
  return {
    calls: reduce(callsFeature.reducer),
    participants: reduce(participantsFeature.reducer),
    queue: reduce(queueFeature.reducer),
  };
}

describe('the report to the floor', () => {
  it('names at most as many participants of a large meeting as the floor takes', () => {
    const attendees = Array.from({ length: MAX_PARTICIPANTS + 36 }, (_, i) =>
      participant('m', `8:orgid:attendee-${i}`, { displayName: `Attendee ${i}` }),
    );
    const body = selectFloorReportBody(
      stateAfter(
        CallingSdkEvents.callAdded({ call: call('m', { kind: 'meeting', serverCallId: 'server-m' }) }),
        CallingSdkEvents.participantsAdded({ callId: 'm', participants: attendees }),
      ),
    );
    expect(body.state).toBe('onCall');
    expect(body.calls.length).toBe(1);
    expect(body.calls[0].participants.length).toBe(MAX_PARTICIPANTS);
    expect(body.calls[0].participants[0]).toBe('Attendee 0');
  });
});
