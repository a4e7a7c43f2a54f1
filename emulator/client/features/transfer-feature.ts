import type * as Sdk from '@azure/communication-calling';
import { ERROR, WorldError } from '../../engine/codes';
import { toTarget } from '../../engine/targets';
import type { EndReasonWire, ErrorWire, ServerMessage, TransferTargetWire } from '../../protocol/messages';
import type { Connection } from '../connection';
import type { ListenerTally } from '../emitter';
import { newCallId } from '../outgoing-call';
import { readCustomContext } from '../custom-context';
import { InertEvents, InertFeature } from './inert-feature';

type TransferChanged = Extract<ServerMessage, { type: 'transferChanged' }>;

/**
 * One transfer: `None`, then `Transferring` (on the next microtask, so a consumer subscribes to
 * `stateChanged` first), then `Transferred` or `Failed` with the world's `{ code, subCode }`.
 */
export class EmulatedTransfer extends InertEvents implements Sdk.Transfer {
  private currentState: Sdk.TransferState = 'None';
  private currentError: Sdk.TransferErrorCode | undefined;

  get state(): Sdk.TransferState {
    return this.currentState;
  }

  get error(): Sdk.TransferErrorCode | undefined {
    return this.currentError;
  }

  /** A finished transfer stays as it ended. */
  set(state: Sdk.TransferState, error?: EndReasonWire): void {
    if (this.currentState === 'Transferred' || this.currentState === 'Failed') return;
    if (state === this.currentState) return;
    if (error)
      this.currentError = {
        code: error.code,
        ...(error.subCode !== undefined && { subCode: error.subCode }),
      };
    this.currentState = state;
    this.events.emit('stateChanged');
  }
}

/**
 * `Features.Transfer` on a 1:1 call: the world moves the caller (engine/transfers.ts). Malformed
 * targets throw at once, as the SDK does; what the world decides comes as the `Transfer`'s state.
 * `transferAccepted` never fires: the caller's call continues as it is, there is no new call to
 * announce. The transfers' listeners go with the feature when the call ends.
 */
export class EmulatedTransferFeature extends InertFeature implements Sdk.TransferCallFeature {
  private readonly transfers = new Map<string, EmulatedTransfer>();

  constructor(
    private readonly callId: () => string,
    private readonly connection: Connection,
    private readonly tally: ListenerTally,
  ) {
    super('Transfer', tally);
  }

  transfer(
    target: Sdk.TransferToParticipantLocator | Sdk.TransferToCallLocator | Sdk.TransferToVoicemailLocator,
    options?: Sdk.TransferToParticipantOptions | Sdk.TransferToCallOptions,
  ): Sdk.Transfer {
    const wire = readTransferTarget(target);
    const customContext = readCustomContext(options?.customContext);
    const transferId = newCallId();
    const transfer = new EmulatedTransfer(this.tally);
    this.transfers.set(transferId, transfer);
    queueMicrotask(() => {
      transfer.set('Transferring');
      this.connection
        .request({
          op: 'transfer',
          callId: this.callId(),
          transferId,
          target: wire,
          ...(customContext && { customContext }),
        })
        .catch((error: ErrorWire) => transfer.set('Failed', error));
    });
    return transfer;
  }

  /** The world's outcome for one of this call's transfers. */
  changed(message: TransferChanged): void {
    this.transfers.get(message.transferId)?.set(message.state, message.error);
  }

  /** The call ended: a transfer still under way failed with the call's end reason. */
  end(reason: EndReasonWire): void {
    this.transfers.forEach((transfer) => transfer.set('Failed', reason));
  }

  protected override parts(): InertEvents[] {
    return [...this.transfers.values()];
  }
}

function readTransferTarget(target: unknown): TransferTargetWire {
  const value = (typeof target === 'object' && target !== null ? target : {}) as Record<string, unknown>;
  if (typeof value['targetCallId'] === 'string') return { kind: 'call', targetCallId: value['targetCallId'] };
  const voicemail = value['targetParticipantVoicemail'] as Record<string, unknown> | undefined;
  if (typeof voicemail?.['microsoftTeamsUserId'] === 'string')
    return { kind: 'voicemail', microsoftTeamsUserId: voicemail['microsoftTeamsUserId'] };
  const participant = value['targetParticipant'] as Record<string, unknown> | undefined;
  if (typeof participant?.['teamsAppId'] === 'string')
    return { kind: 'queue', teamsAppId: participant['teamsAppId'] };
  if (participant === undefined)
    throw new WorldError(
      ERROR.invalidTarget,
      'A transfer needs { targetParticipant }, { targetCallId } or { targetParticipantVoicemail }.',
    );
  const parsed = toTarget(participant);
  if (parsed instanceof Error) throw parsed;
  return { kind: 'participant', participant: parsed };
}
