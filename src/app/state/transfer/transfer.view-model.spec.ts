import { teamsUserTarget } from '../../model/dial-target';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature, initialCallsState, type CallsState } from '../calls/calls.feature';
import { call, incomingCall } from '../testing/snapshots';
import { TransferApiActions } from './transfer-api.actions';
import { TransferDialogActions } from './transfer-dialog.actions';
import { TransferPanelActions } from './transfer-panel.actions';
import { initialTransferState, transferFeature, type TransferState } from './transfer.feature';
import {
  selectCanTransfer,
  selectTransferEndedText,
  selectTransferPanelViewModel,
} from './transfer.view-model';

const BLAKE = teamsUserTarget('00000000-0000-4000-8000-00000000b002', 'Blake Chen', 'public');
const BLAKE_RAW_ID = '8:orgid:00000000-0000-4000-8000-00000000b002';
const robin = {
  identity: { kind: 'phoneNumber' as const, rawId: '4:+14255550177', phoneNumber: '+14255550177' },
  displayName: 'Robin Park',
};
const DECLINED = { message: 'Blake Chen declined the call.', code: 603, subCode: 0 };

/** Both features, stepped together as the store would. */
class Console {
  calls: CallsState = initialCallsState;
  transfer: TransferState = initialTransferState;

  constructor() {
    this.do(CallingSdkEvents.callAdded({ call: call('c1', { caller: robin }) }));
  }

  do(action: Parameters<typeof transferFeature.reducer>[1]): this {
    this.calls = callsFeature.reducer(this.calls, action);
    this.transfer = transferFeature.reducer(this.transfer, action);
    return this;
  }

  get root() {
    return { calls: this.calls, transfer: this.transfer };
  }

  get panel() {
    return selectTransferPanelViewModel(this.root);
  }
}

const transferNow = TransferDialogActions.transferNowClicked({
  callId: 'c1',
  callerName: 'Robin Park',
  destination: { kind: 'participant', target: BLAKE },
});

describe('transfer view-model', () => {
  it('offers Transfer on a connected 1:1 and not while one is under way', () => {
    const console = new Console();
    expect(selectCanTransfer(console.root)).toBeTrue();
    console.do(transferNow);
    expect(selectCanTransfer(console.root)).toBeFalse();
  });

  it('says Transferring, then announces the end as a transfer to the target', () => {
    const console = new Console().do(transferNow);
    expect(console.panel?.line).toEqual({
      text: 'Transferring to Blake Chen…',
      tone: 'progress',
      code: null,
      dismissable: false,
    });
    console.do(TransferApiActions.transferred({ callId: 'c1' }));
    console.do(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 7015 }, at: 9_000 }),
    );
    expect(console.panel).toBeNull();
    expect(selectTransferEndedText(console.root)).toBe(
      'Call with Robin Park ended: You transferred the call to Blake Chen.',
    );
  });

  it('announces the transfer even when the call ends (0/7015) before the Transfer says Transferred', () => {
    const console = new Console().do(transferNow);
    console.do(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 7015 }, at: 9_000 }),
    );
    expect(selectTransferEndedText(console.root)).toBe(
      'Call with Robin Park ended: You transferred the call to Blake Chen.',
    );
  });

  it('says why a transfer failed, with its code, and that the caller is back', () => {
    const console = new Console().do(transferNow);
    console.do(TransferApiActions.transferFailed({ callId: 'c1', failure: DECLINED, stillHeld: null }));
    expect(console.panel?.line).toEqual({
      text: 'Transfer to Blake Chen failed: Blake Chen declined the call. Robin Park is back with you.',
      tone: 'failed',
      code: '603/0',
      dismissable: true,
    });
    expect(selectCanTransfer(console.root)).toBeTrue();
    console.do(TransferPanelActions.transferNoticeDismissed({ callId: 'c1' }));
    expect(console.panel).toBeNull();
  });

  it('says so when the caller could not be resumed after a failure', () => {
    const console = new Console().do(transferNow);
    const stillHeld = { message: 'Resume them from Held calls.', code: 500 };
    console.do(TransferApiActions.transferFailed({ callId: 'c1', failure: DECLINED, stillHeld }));
    expect(console.panel?.line?.text).toBe(
      'Transfer to Blake Chen failed: Blake Chen declined the call. Robin Park is still on hold: Resume them from Held calls.',
    );
  });

  it('while consulting, shows the consult controls on the consult call; Complete once it connects', () => {
    const console = new Console().do(
      TransferDialogActions.consultFirstClicked({ callId: 'c1', callerName: 'Robin Park', target: BLAKE }),
    );
    console.do(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 2_000 }));
    console.do(
      CallingSdkEvents.callAdded({
        call: call('k1', { direction: 'Outgoing', state: 'Connecting', startedAt: 2_000 }),
      }),
    );
    console.do(TransferApiActions.consultStarted({ callId: 'c1', consultCallId: 'k1' }));
    expect(console.panel).toEqual({
      callId: 'c1',
      line: jasmine.objectContaining({ text: 'Consulting Blake Chen. Robin Park is on hold.' }),
      consulting: true,
      canComplete: false,
    });
    console.do(CallingSdkEvents.callStateChanged({ id: 'k1', state: 'Connected', at: 3_000 }));
    expect(console.panel?.canComplete).toBeTrue();
    expect(console.transfer.entities['c1']?.consultConnected).toBeTrue();
    // The consult call's name is the one the agent picked (the SDK gives a Teams user none).
    console.do(
      CallingSdkEvents.participantsAdded({
        callId: 'k1',
        participants: [
          {
            callId: 'k1',
            participantId: BLAKE_RAW_ID,
            identity: { kind: 'microsoftTeamsUser', rawId: BLAKE_RAW_ID },
            displayName: null,
            state: 'Connected',
            role: 'Unknown',
            isMuted: false,
            isSpeaking: false,
            videoStreams: [],
          },
        ],
      }),
    );
    expect(console.calls.entities['k1']?.counterpart?.displayName).toBe('Blake Chen');

    console.do(TransferPanelActions.completeTransferClicked({ callId: 'c1' }));
    expect(console.panel?.line?.text).toBe('Transferring to Blake Chen…');
    expect(console.panel?.consulting).toBeFalse();
    console.do(TransferApiActions.transferred({ callId: 'c1' }));
    console.do(
      CallingSdkEvents.callEnded({ id: 'k1', callEndReason: { code: 0, subCode: 7015 }, at: 4_000 }),
    );
    console.do(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 7015 }, at: 4_000 }),
    );
    expect(selectTransferEndedText(console.root)).toBe(
      'Call with Robin Park ended: You transferred the call to Blake Chen.',
    );
  });

  it('follows the consult call when the SDK gives it its lasting id', () => {
    const console = new Console().do(
      TransferDialogActions.consultFirstClicked({ callId: 'c1', callerName: 'Robin Park', target: BLAKE }),
    );
    console.do(TransferApiActions.consultStarted({ callId: 'c1', consultCallId: 'k1' }));
    console.do(CallingSdkEvents.callIdChanged({ previousId: 'k1', id: 'k2' }));
    expect(console.transfer.entities['c1']?.consultCallId).toBe('k2');
  });

  it('a cancelled consult leaves nothing to say; a conference hands over to the escalation rows', () => {
    const cancelled = new Console()
      .do(
        TransferDialogActions.consultFirstClicked({ callId: 'c1', callerName: 'Robin Park', target: BLAKE }),
      )
      .do(TransferApiActions.consultStarted({ callId: 'c1', consultCallId: 'k1' }))
      .do(TransferPanelActions.cancelTransferClicked({ callId: 'c1' }));
    expect(cancelled.panel?.line?.text).toBe('Ending the call with Blake Chen…');
    cancelled.do(TransferApiActions.consultCancelled({ callId: 'c1', stillHeld: null }));
    expect(cancelled.panel).toBeNull();

    const conferenced = new Console()
      .do(
        TransferDialogActions.consultFirstClicked({ callId: 'c1', callerName: 'Robin Park', target: BLAKE }),
      )
      .do(TransferApiActions.consultStarted({ callId: 'c1', consultCallId: 'k1' }))
      .do(TransferPanelActions.conferenceClicked({ callId: 'c1' }))
      .do(TransferApiActions.conferenceReady({ callId: 'c1', targets: [BLAKE] }));
    expect(conferenced.panel).toBeNull();
  });

  it('a consult the target declined is a failed transfer, the caller back', () => {
    const console = new Console()
      .do(
        TransferDialogActions.consultFirstClicked({ callId: 'c1', callerName: 'Robin Park', target: BLAKE }),
      )
      .do(TransferApiActions.consultStarted({ callId: 'c1', consultCallId: 'k1' }))
      .do(TransferApiActions.consultEnded({ callId: 'c1', failure: DECLINED, stillHeld: null }));
    expect(console.panel?.line?.text).toBe(
      'Transfer to Blake Chen failed: Blake Chen declined the call. Robin Park is back with you.',
    );
  });

  it('names a queue transfer by the queue', () => {
    const console = new Console().do(
      TransferDialogActions.transferNowClicked({
        callId: 'c1',
        callerName: 'Robin Park',
        destination: {
          kind: 'queue',
          resourceAccount: '28:orgid:00000000-0000-4000-8000-00000000c001',
          name: 'Billing',
        },
      }),
    );
    expect(console.panel?.line?.text).toBe('Transferring to Billing…');
  });

  it('remembers a ringing call’s queue and first ring while it lasts, to hand them on with it', () => {
    const console = new Console();
    console.do(
      CallingSdkEvents.incomingCallsReceived({
        incomingCalls: [
          { ...incomingCall('t1', 70_000), transferredBy: 'Alex Rivera', waitingSince: 10_000 },
        ],
      }),
    );
    console.do(
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('t2', 80_000, 'Sales')] }),
    );
    expect(console.transfer.firstRings).toEqual({
      t1: { at: 10_000, queue: 'Billing' },
      t2: { at: 80_000, queue: 'Sales' },
    });
    console.do(
      CallingSdkEvents.incomingCallEnded({ id: 't2', callEndReason: { code: 487, subCode: 10003 } }),
    );
    console.do(CallingSdkEvents.callAdded({ call: call('t1', { queue: null }) }));
    console.do(CallingSdkEvents.callEnded({ id: 't1', callEndReason: { code: 0, subCode: 0 }, at: 90_000 }));
    expect(console.transfer.firstRings).toEqual({});
  });
});
