import type {
  CustomContext,
  TeamsCall,
  Transfer,
  TransferToCallLocator,
  TransferToParticipantLocator,
} from '@azure/communication-calling';
import { createIdentifierFromRawId } from '@azure/communication-common/identifiers';
import { firstValueFrom, merge, fromEvent } from 'rxjs';
import { filter, first, map, startWith } from 'rxjs/operators';
import type { TransferDestination } from '../model/transfer-destination';
import type { Failure } from '../model/failure';
import type { CallRegistry } from './call-registry';
import { toFailure } from './calling-codes';
import { toSdkIdentifier } from './dial-target';
import { describeUnansweredCall } from './outbound-codes';
import { fromSdkEvent } from './sdk-event';

/** The queue a call came through and when its caller first rang, carried to whoever takes it next. */
export interface TransferContext {
  readonly queue: string | null;
  /** Epoch ms. */
  readonly waitingSince: number | null;
}

/** The names of the voip headers that carry a transferred call's queue and original wait. */
export const QUEUE_HEADER = 'X-MS-Custom-Switchboard-Queue';
export const WAITING_SINCE_HEADER = 'X-MS-Custom-Switchboard-Waiting-Since';

export function destinationName(destination: TransferDestination): string {
  return destination.kind === 'participant' ? destination.target.displayName : destination.name;
}

/** The transfer's `customContext`: only for a call that came from a queue (ACS parses the first five headers). */
export function transferContext({ queue, waitingSince }: TransferContext): CustomContext | undefined {
  if (!queue) return undefined;
  const voipHeaders = [{ key: QUEUE_HEADER, value: queue }];
  if (waitingSince !== null)
    voipHeaders.push({ key: WAITING_SINCE_HEADER, value: new Date(waitingSince).toISOString() });
  return { voipHeaders };
}

function locator(destination: TransferDestination): TransferToParticipantLocator | TransferToCallLocator {
  switch (destination.kind) {
    case 'participant':
      return { targetParticipant: toSdkIdentifier(destination.target) };
    case 'queue':
      return { targetParticipant: createIdentifierFromRawId(destination.resourceAccount) };
    case 'call':
      return { targetCallId: destination.callId };
  }
}

/** A transfer the calling service refused outright, by its bare code (docs/acs-codes.md). */
const SERVICE_REFUSALS: Record<number, string> = {
  403: 'The calling service does not allow this transfer.',
  429: 'The calling service is throttling requests. Wait a few seconds and try again.',
  500: 'The calling service had a problem. Try again.',
  503: 'The calling service is unavailable. Try again shortly.',
  504: 'The calling service did not answer in time. Try again.',
};

/**
 * Why a transfer failed, said of its target by name ("Blake Chen declined the call."), with the
 * code ACS gave (docs/acs-codes.md). A consult call that is not the agent's live call is 404/10202.
 */
export function describeTransferFailure(
  name: string,
  error: { code: number; subCode?: number } | undefined,
): Failure {
  if (!error) return { message: `${name} could not be reached.` };
  if (error.code === 404 && error.subCode === 10202)
    return { message: `The call with ${name} has already ended.`, code: 404, subCode: 10202 };
  // The service refused the transfer itself: nothing was said of the target, who was never called.
  const refused = error.subCode === undefined ? SERVICE_REFUSALS[error.code] : undefined;
  if (refused) return { message: refused, code: error.code };
  return describeUnansweredCall(name, error) ?? { message: `${name} could not be reached.`, ...error };
}

/**
 * Hands the call on with the call's Transfer feature, and waits for the `Transfer` to settle:
 * `Transferred` resolves to null (the call then ends, 0/7015), `Failed` to the failure in words.
 * The caller stays on this call when a transfer fails: whoever called this resumes them.
 */
export async function transferCall(
  registry: CallRegistry,
  callId: string,
  destination: TransferDestination,
  context: TransferContext,
  signal: AbortSignal,
): Promise<Failure | null> {
  const name = destinationName(destination);
  let transfer: Transfer;
  try {
    const call = registry.call(callId);
    const feature = call.feature(registry.values.Features.Transfer);
    const customContext = transferContext(context);
    const options = customContext ? { customContext } : {};
    transfer =
      destination.kind === 'call'
        ? feature.transfer(locator(destination) as TransferToCallLocator, options)
        : feature.transfer(locator(destination) as TransferToParticipantLocator, options);
  } catch (error) {
    const failure = toFailure(error);
    return { ...failure, message: `${name} could not be reached. ${failure.message}` };
  }
  const settled = fromSdkEvent(transfer, 'stateChanged').pipe(
    startWith(undefined),
    map(() => transfer.state),
    first((state) => state === 'Transferred' || state === 'Failed'),
  );
  const aborted = fromEvent(signal, 'abort').pipe(map(() => 'Aborted' as const));
  const state = await firstValueFrom(merge(settled, aborted).pipe(filter(Boolean)));
  if (state === 'Transferred') return null;
  if (state === 'Aborted') return { message: `The transfer to ${name} was stopped.` };
  return describeTransferFailure(name, transfer.error);
}

/** Resumes a call the agent holds; resolves to the failure if it stays on hold. */
export async function resumeHeld(registry: CallRegistry, callId: string): Promise<Failure | null> {
  let call: TeamsCall;
  try {
    call = registry.call(callId);
  } catch {
    return null;
  }
  if (call.state !== 'LocalHold') return null;
  try {
    await call.resume();
    return null;
  } catch (error) {
    return toFailure(error, 'resume');
  }
}

/** Hangs up a call if it is still live (the consult call, once it is not needed). */
export async function hangUpIfLive(registry: CallRegistry, callId: string): Promise<Failure | null> {
  let call: TeamsCall;
  try {
    call = registry.call(callId);
  } catch {
    return null;
  }
  if (call.state === 'Disconnected' || call.state === 'Disconnecting') return null;
  try {
    await call.hangUp();
    return null;
  } catch (error) {
    return toFailure(error, 'hangUp');
  }
}
