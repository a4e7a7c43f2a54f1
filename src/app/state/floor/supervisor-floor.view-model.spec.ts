import type { Action } from '@ngrx/store';
import { FloorApiActions } from './floor-api.actions';
import { SupervisorFloorPageActions } from './supervisor-floor-page.actions';
import { supervisorFloorFeature, type SupervisorFloorState } from './supervisor-floor.feature';
import { selectAgentRows, selectQueueRows, selectRequestCards } from './supervisor-floor.view-model';
import { floorAgent, floorCall, floorRequest, queueStats, SAM } from './testing/floor-fixtures';

function floorAfter(...actions: Action[]) {
  const supervisorFloor = actions.reduce<SupervisorFloorState | undefined>(
    (state, action) => supervisorFloorFeature.reducer(state, action),
    undefined,
  );
  return { supervisorFloor } as never;
}

const at = (iso: string) => Date.parse(iso);
const ringing = floorCall('q1', { state: 'Ringing', firstSeenAt: '2026-01-05T09:00:10.000Z' });
const older = floorCall('q2', { state: 'Ringing', firstSeenAt: '2026-01-05T09:00:02.000Z' });
const talking = floorCall('c1', {
  queue: 'Sales',
  caller: { displayName: null, phoneNumber: '+14255550199', rawId: '4:+14255550199' },
});
const snapshot = FloorApiActions.snapshotReceived({
  agents: [
    floorAgent('alex', 'Alex Rivera', [ringing, older]),
    floorAgent('blake', 'Blake Chen', [ringing]),
    floorAgent('casey', 'Casey Diaz', [talking], { since: '2026-01-05T09:00:00.000Z' }),
  ],
  queues: [
    queueStats('Billing', {
      offered: 8,
      answered: 6,
      abandoned: 1,
      answeredWithinThreshold: 5,
      handled: 4,
      handleSeconds: 754,
    }),
    queueStats('Sales'),
  ],
  requests: [],
  serviceLevelSeconds: 20,
});

describe('the supervisor’s floor, from a fixed stream of floor messages', () => {
  it('counts a queued call ringing on several agents once, and its wait from when the floor first saw it', () => {
    expect(selectQueueRows(floorAfter(snapshot))).toEqual([
      {
        queue: 'Billing',
        waitingNow: 2,
        longestWaitingSince: at('2026-01-05T09:00:02Z'),
        offered: 8,
        answered: 6,
        abandoned: 1,
        serviceLevel: '63 %',
        averageHandleTime: '3:09',
      },
      {
        queue: 'Sales',
        waitingNow: 0,
        longestWaitingSince: null,
        offered: 0,
        answered: 0,
        abandoned: 0,
        serviceLevel: '—',
        averageHandleTime: '—',
      },
    ]);
  });

  it('applies updates by agent, each whole, and queues by name', () => {
    const state = floorAfter(
      snapshot,
      FloorApiActions.updateReceived({
        agents: [floorAgent('alex', 'Alex Rivera', [floorCall('q2')]), floorAgent('blake', 'Blake Chen')],
        queues: [queueStats('Billing', { offered: 9, answered: 7, answeredWithinThreshold: 6 })],
      }),
    );
    expect(selectQueueRows(state)[0]).toEqual(
      jasmine.objectContaining({
        waitingNow: 0,
        longestWaitingSince: null,
        offered: 9,
        serviceLevel: '67 %',
      }),
    );
    expect(selectAgentRows(state).map((row) => [row.name, row.stateLabel, row.call?.caller ?? null])).toEqual(
      [
        ['Alex Rivera', 'On a call', 'Kim Lee'],
        ['Blake Chen', 'Available', null],
        ['Casey Diaz', 'On a call', '+14255550199'],
      ],
    );
  });

  it('shows each agent’s state since when, and their call with caller, queue, start and hold', () => {
    const state = floorAfter(
      snapshot,
      FloorApiActions.updateReceived({
        agents: [
          floorAgent('casey', 'Casey Diaz', [{ ...talking, onHold: true, state: 'LocalHold' }], {
            state: 'onCall',
            since: '2026-01-05T09:00:00.000Z',
          }),
        ],
        queues: [],
      }),
    );
    expect(selectAgentRows(state)[2]).toEqual({
      id: 'casey',
      name: 'Casey Diaz',
      state: 'onCall',
      stateLabel: 'On a call',
      stateSince: at('2026-01-05T09:00:00Z'),
      call: {
        key: 'c1',
        caller: '+14255550199',
        queue: 'Sales',
        since: at('2026-01-05T09:00:00Z'),
        onHold: true,
      },
    });
  });

  it('turns a request into a card, closes it saying who took it, and drops a declined one at once', () => {
    const casey = floorAgent('casey', 'Casey Diaz', [talking]);
    const request = floorRequest('r1', casey, talking);
    const other = floorRequest('r2', casey, { ...talking, key: 'c2' });
    const opened = [
      snapshot,
      FloorApiActions.requestReceived({ request }),
      FloorApiActions.requestReceived({ request: other }),
    ];
    expect(selectRequestCards(floorAfter(...opened))[0]).toEqual({
      requestId: 'r1',
      agentId: 'casey',
      agentName: 'Casey Diaz',
      callKey: 'c1',
      caller: '+14255550199',
      queue: 'Sales',
      callerWaitingSince: at('2026-01-05T08:59:00Z'),
      joining: false,
      closedText: null,
      closedAt: null,
    });

    const closed = floorAfter(
      ...opened,
      SupervisorFloorPageActions.joinClicked({ agentId: 'casey', callKey: 'c1', requestId: 'r1' }),
      FloorApiActions.requestClosed({ requestId: 'r1', outcome: 'taken', by: SAM, at: 5 }),
      FloorApiActions.requestClosed({ requestId: 'r2', outcome: 'expired', by: null, at: 6 }),
    );
    expect(selectRequestCards(closed).map((c) => [c.closedText, c.closedAt, c.joining])).toEqual([
      ['Taken by Sam Okafor', 5, false],
      ['Expired', 6, false],
    ]);

    const declined = floorAfter(...opened, SupervisorFloorPageActions.declineClicked({ requestId: 'r1' }));
    expect(selectRequestCards(declined).map((c) => c.requestId)).toEqual(['r2']);
  });

  it('says why a join failed, and lets the card be joined again', () => {
    const casey = floorAgent('casey', 'Casey Diaz', [talking]);
    const state = floorAfter(
      snapshot,
      FloorApiActions.requestReceived({ request: floorRequest('r1', casey, talking) }),
      SupervisorFloorPageActions.joinClicked({ agentId: 'casey', callKey: 'c1', requestId: 'r1' }),
      FloorApiActions.errorReceived({ code: 'not_found', message: 'The request has closed.' }),
    );
    expect(selectRequestCards(state)[0].joining).toBeFalse();
    expect(supervisorFloorFeature.selectFailure(state)).toBe('Could not join: The request has closed.');
  });
});
