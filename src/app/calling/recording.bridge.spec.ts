import type { RecordingCallFeature } from '@azure/communication-calling';
import type { CallingEvent } from './calling-events';
import { recordingEvents } from './recording.bridge';
import { FakeRecording } from './testing/fake-sdk-objects';

// The emulator's calls are not recorded in this slice of it, so a hand-made feature stands in.
function watch(feature: FakeRecording) {
  const events: CallingEvent[] = [];
  const subscription = recordingEvents(feature as unknown as RecordingCallFeature, () => 'call-1').subscribe(
    (event) => events.push(event),
  );
  return { events, subscription };
}

const recording = (isRecordingActive: boolean, isTeamsConsentRequired: boolean): CallingEvent => ({
  type: 'callRecordingChanged',
  id: 'call-1',
  recording: { isRecordingActive, isTeamsConsentRequired },
});

describe('recording bridge', () => {
  it('says nothing while the call is not recorded, then follows the recording and the consent it asks for', () => {
    const feature = new FakeRecording();
    const { events, subscription } = watch(feature);
    expect(events).toEqual([]);

    feature.isRecordingActive = true;
    feature.isTeamsConsentRequired = true;
    feature.emit('isRecordingActiveChanged');
    // Consent has no event of its own: it is read again with the recordings' update.
    feature.isTeamsConsentRequired = false;
    feature.emit('recordingsUpdated', { added: [], removed: [] });
    feature.emit('recordingsUpdated', { added: [], removed: [] });
    feature.isRecordingActive = false;
    feature.emit('isRecordingActiveChanged');

    expect(events).toEqual([recording(true, true), recording(true, false), recording(false, false)]);
    subscription.unsubscribe();
  });

  it('reports a call that is already recorded when the bridge starts', () => {
    const feature = new FakeRecording();
    feature.isRecordingActive = true;
    feature.isTeamsConsentRequired = true;
    const { events, subscription } = watch(feature);
    expect(events).toEqual([recording(true, true)]);
    subscription.unsubscribe();
  });

  it('removes exactly the listeners it added when it stops', () => {
    const feature = new FakeRecording();
    const someoneElse = () => undefined;
    feature.on('isRecordingActiveChanged', someoneElse);
    const { subscription } = watch(feature);
    expect(feature.listenerCount).toBe(3);
    subscription.unsubscribe();
    expect(feature.listenerCount).toBe(1);
    feature.off('isRecordingActiveChanged', someoneElse);
    expect(feature.listenerCount).toBe(0);
  });
});
