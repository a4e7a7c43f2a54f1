import type { CallEntry } from '../../state/calls/calls.feature';
import { call, participant } from '../../state/testing/snapshots';
import { videoTiles } from './video-tiles';

const entry = (overrides: Partial<CallEntry> = {}): CallEntry => ({
  ...call('c1'),
  counterpart: null,
  connectedAt: 0,
  changedAt: 0,
  mutedByOthersAt: null,
  dtmfSent: [],
  recording: { isRecordingActive: false, isTeamsConsentRequired: false },
  pending: null,
  failure: null,
  ...overrides,
});

const withCamera = (id: string, name: string, isAvailable = true) => ({
  ...participant('c1', id, {
    displayName: name,
    videoStreams: [{ id: 1, mediaStreamType: 'Video' as const, isAvailable }],
  }),
  pending: null,
  failure: null,
});

describe('video tiles', () => {
  it('puts the agent’s preview first, then cameras that are on, in roster order', () => {
    const { tiles, hidden } = videoTiles(entry({ isLocalVideoStarted: true }), [
      withCamera('4:+1', 'Ann'),
      withCamera('4:+2', 'Bo', false),
      withCamera('4:+3', 'Cy'),
    ]);
    expect(tiles.map((t) => t.label)).toEqual(['Your camera', 'Ann', 'Cy']);
    expect(hidden).toBe(0);
  });

  it('shows the dominant speakers’ cameras first when more are on than the gallery shows', () => {
    const roster = ['Ann', 'Bo', 'Cy', 'Di'].map((name, i) => withCamera(`4:+${i}`, name));
    const { tiles, hidden } = videoTiles(entry({ dominantSpeakers: ['4:+3', '4:+2'] }), roster, 2);
    expect(tiles.map((t) => t.label)).toEqual(['Di', 'Cy']);
    expect(hidden).toBe(2);
  });
});
