import type { CallRegistry } from './call-registry';
import { toRecording } from './recording.bridge';
import type { RecordingSnapshot } from '../model/snapshots';

/**
 * Gives the agent's consent to being recorded (`grantTeamsConsent`), which lets them unmute again,
 * and returns the recording as the call now says it is: the SDK raises no event when
 * `isTeamsConsentRequired` turns false.
 */
export async function grantRecordingConsent(
  registry: CallRegistry,
  callId: string,
): Promise<RecordingSnapshot> {
  const recording = registry.call(callId).feature(registry.values.Features.Recording);
  await recording.grantTeamsConsent();
  return toRecording(recording);
}
