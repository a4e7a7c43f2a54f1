import { firstValueFrom, fromEvent } from 'rxjs';
import { filter, takeUntil } from 'rxjs/operators';
import type { CallRegistry } from './call-registry';
import { captionsOf } from './captions.bridge';
import { fromSdkEvent } from './sdk-event';

type CaptionsObject = ReturnType<typeof captionsOf>;

/** A call's captions object (Teams captions, for a Teams user's call). */
function captionsFor(registry: CallRegistry, callId: string): CaptionsObject {
  return captionsOf(registry.call(callId).feature(registry.values.Features.Captions));
}

/**
 * Until the captions are on (or off), or the wait is abandoned (`signal`: the control's time limit,
 * sign-out), removing its listener either way.
 */
async function until(captions: CaptionsObject, active: boolean, signal: AbortSignal): Promise<void> {
  if (captions.isCaptionsFeatureActive === active || signal.aborted) return;
  await firstValueFrom(
    fromSdkEvent(captions, 'CaptionsActiveChanged').pipe(
      filter(() => captions.isCaptionsFeatureActive === active),
      takeUntil(fromEvent(signal, 'abort')),
    ),
    { defaultValue: undefined },
  );
}

/**
 * Starts live captions on a call, in the call's spoken language, and waits until they are on:
 * `startCaptions` resolving says only that the request was taken, `CaptionsActiveChanged` that they
 * started (the SDK's own words on `CaptionsCommon.startCaptions`).
 */
export async function startCaptions(
  registry: CallRegistry,
  callId: string,
  signal: AbortSignal,
): Promise<void> {
  const captions = captionsFor(registry, callId);
  if (captions.isCaptionsFeatureActive) return;
  await captions.startCaptions();
  await until(captions, true, signal);
}

/** Stops live captions on a call for this agent, and waits until they are off. */
export async function stopCaptions(
  registry: CallRegistry,
  callId: string,
  signal: AbortSignal,
): Promise<void> {
  const captions = captionsFor(registry, callId);
  if (!captions.isCaptionsFeatureActive) return;
  await captions.stopCaptions();
  await until(captions, false, signal);
}
