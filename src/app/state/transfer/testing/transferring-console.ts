import { TestBed } from '@angular/core/testing';
import { Actions } from '@ngrx/effects';
import { inProcessGraph } from '../../../graph/testing/in-process-graph';
import { teamsUserTarget, type DialTarget } from '../../../model/dial-target';
import { callsFeature } from '../../calls/calls.feature';
import { QueuePanelActions } from '../../queue/queue-panel.actions';
import { selectQueuedCalls } from '../../queue/queue.feature';
import { startEmulatedConsole } from '../../testing/emulated-console';
import { otherConsole } from '../../testing/group-call';
import { TransferDialogActions } from '../transfer-dialog.actions';
import { transferFeature } from '../transfer.feature';
import { selectTransferEndedText, selectTransferPanelViewModel } from '../transfer.view-model';

export const BLAKE = teamsUserTarget('00000000-0000-4000-8000-00000000a002', 'Blake Chen', 'public');
export const CASEY = teamsUserTarget('00000000-0000-4000-8000-00000000a003', 'Casey Novak', 'public');
export const RILEY = teamsUserTarget('00000000-0000-4000-8000-00000000b001', 'Riley Brooks', 'public');
export const JORDAN = teamsUserTarget('00000000-0000-4000-8000-00000000b002', 'Jordan Diaz', 'public');

/**
 * Alex (Graph in process, for a conference's chat) on a Billing call with Robin Park, and Blake
 * signed in on the same emulator (driven through the SDK); what a test reads and clicks.
 */
export async function onABillingCall() {
  const graph = inProcessGraph();
  const app = await startEmulatedConsole('alex', {
    providers: [graph.provider],
    beforeSignIn: (emulator) => graph.attach(emulator.world, 'alex'),
  });
  const blake = await otherConsole(app, 'blake');
  const log: string[] = [];
  TestBed.inject(Actions).subscribe((action) => log.push(action.type));
  const id = app.emulator.world.enqueuePhoneCall({
    from: '+14255550100',
    displayName: 'Robin Park',
    queue: 'Billing',
    patienceMs: 60_000,
    talkMs: 3_600_000,
  });
  await app.settle();
  // When the console first saw it ring, by its own clock: the wait a transfer carries on.
  const rangAt = app.state(selectQueuedCalls)[0]!.receivedAt;
  await app.advance(30_000);
  app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  await app.settle();
  // The queue rang Blake too, until Alex answered: what rings him next is the test's.
  blake.ringing.length = 0;
  const callId = app.state(callsFeature.selectActiveCall)!.id;
  log.length = 0;
  return {
    app,
    blake,
    callId,
    rangAt,
    /** The caller's call in the store, or undefined once it ended. */
    call: () => app.state(callsFeature.selectEntities)[callId],
    transfer: () => app.state(transferFeature.selectEntities)[callId],
    line: () => app.state(selectTransferPanelViewModel)?.line?.text ?? null,
    panel: () => app.state(selectTransferPanelViewModel),
    endedText: () => app.state(selectTransferEndedText),
    transferLog: () => log.filter((type) => type.startsWith('[Transfer API]')),
    transferNow: (target: DialTarget) =>
      app.store.dispatch(
        TransferDialogActions.transferNowClicked({
          callId,
          callerName: 'Robin Park',
          destination: { kind: 'participant', target },
        }),
      ),
    consultFirst: (target: DialTarget) =>
      app.store.dispatch(
        TransferDialogActions.consultFirstClicked({ callId, callerName: 'Robin Park', target }),
      ),
  };
}

export const TAYLOR = teamsUserTarget('00000000-0000-4000-8000-00000000b003', 'Taylor Kim', 'public');
export const AVERY = teamsUserTarget('00000000-0000-4000-8000-00000000b004', 'Avery Stone', 'public');
