import type { CaptionsCallFeature } from '@azure/communication-calling';
import type { Party } from '../model/snapshots';
import type { CallingEvent } from './calling-events';
import { captionsEvents } from './captions.bridge';
import { FakeCaptions, FakeTeamsCaptions } from './testing/fake-sdk-objects';

// The emulator's calls show no captions in this slice of it, so a hand-made feature stands in.
function watch(feature: FakeCaptions) {
  const events: CallingEvent[] = [];
  let completed = false;
  const subscription = captionsEvents(feature as unknown as CaptionsCallFeature, () => 'call-1').subscribe({
    next: (event) => events.push(event),
    complete: () => (completed = true),
  });
  return { events, subscription, completed: () => completed };
}

const robin = { kind: 'phoneNumber', phoneNumber: '+14255550123', rawId: '4:+14255550123' };

function teamsCaption(text: string, resultType: 'Partial' | 'Final', at = 5_000) {
  return {
    captionText: text,
    spokenText: text,
    captionLanguage: 'en',
    spokenLanguage: 'en-us',
    resultType,
    speaker: { identifier: robin, displayName: 'Robin Park' },
    timestamp: new Date(at),
  };
}

describe('captions bridge', () => {
  it('says captions are on once they start, then each caption with its speaker, kind and time', () => {
    const feature = new FakeCaptions();
    const { events, subscription } = watch(feature);
    expect(events).toEqual([]);

    feature.captions.isCaptionsFeatureActive = true;
    feature.captions.emit('CaptionsActiveChanged');
    feature.captions.emit('CaptionsReceived', teamsCaption('my card', 'Partial'));
    feature.captions.emit('CaptionsReceived', teamsCaption('my card number is', 'Final'));
    feature.captions.isCaptionsFeatureActive = false;
    feature.captions.emit('CaptionsActiveChanged');

    const speaker: Party = {
      identity: { kind: 'phoneNumber', rawId: '4:+14255550123', phoneNumber: '+14255550123' },
      displayName: 'Robin Park',
    };
    expect(events).toEqual([
      { type: 'callCaptionsActiveChanged', id: 'call-1', active: true },
      {
        type: 'captionReceived',
        callId: 'call-1',
        caption: { speaker, text: 'my card', resultType: 'Partial', spokenAt: 5_000, language: 'en' },
      },
      {
        type: 'captionReceived',
        callId: 'call-1',
        caption: { speaker, text: 'my card number is', resultType: 'Final', spokenAt: 5_000, language: 'en' },
      },
      { type: 'callCaptionsActiveChanged', id: 'call-1', active: false },
    ]);
    subscription.unsubscribe();
  });

  it('reports captions already on when the bridge starts, and a speaker the SDK gave no name', () => {
    const feature = new FakeCaptions();
    feature.captions.isCaptionsFeatureActive = true;
    const { events, subscription } = watch(feature);
    feature.captions.emit('CaptionsReceived', {
      ...teamsCaption('hello', 'Final'),
      speaker: { identifier: robin },
    });
    expect(events[0]).toEqual({ type: 'callCaptionsActiveChanged', id: 'call-1', active: true });
    expect(events[1]).toEqual(
      jasmine.objectContaining({
        caption: jasmine.objectContaining({
          speaker: { identity: jasmine.objectContaining({ rawId: '4:+14255550123' }), displayName: null },
        }),
      }),
    );
    subscription.unsubscribe();
  });

  it('follows the new captions object when their kind changes, letting go of the old one', () => {
    const feature = new FakeCaptions();
    const first = feature.captions;
    const { events, subscription } = watch(feature);
    const next = new FakeTeamsCaptions();
    next.isCaptionsFeatureActive = true;
    feature.captions = next;
    feature.emit('CaptionsKindChanged');
    expect(first.listenerCount).toBe(0);
    expect(next.listenerCount).toBe(2);
    next.emit('CaptionsReceived', teamsCaption('hello', 'Partial'));
    expect(events.map((e) => e.type)).toEqual(['callCaptionsActiveChanged', 'captionReceived']);
    subscription.unsubscribe();
  });

  it('removes exactly the listeners it added when it stops', () => {
    const feature = new FakeCaptions();
    const someoneElse = () => undefined;
    feature.captions.on('CaptionsReceived', someoneElse);
    const { subscription } = watch(feature);
    expect(feature.listenerCount).toBe(2);
    expect(feature.captions.listenerCount).toBe(3);
    subscription.unsubscribe();
    expect(feature.listenerCount).toBe(0);
    expect(feature.captions.listenerCount).toBe(1);
  });
});
