import type { CallEntry } from '../../state/calls/calls.feature';
import type { ParticipantEntry } from '../../state/participants/participants.feature';
import { partyName } from '../../shared/party-name';
import type { VideoTile } from './video-gallery.component';

/** How many participants' videos the gallery shows at once (a large meeting has many cameras on). */
export const MAX_REMOTE_TILES = 8;

/**
 * The tiles of a call: the agent's preview first, then each participant whose camera is on, in
 * roster order. When more cameras are on than the gallery shows, the dominant speakers' come
 * first; `hidden` says how many are left out.
 */
export function videoTiles(
  call: CallEntry,
  participants: readonly ParticipantEntry[],
  max = MAX_REMOTE_TILES,
): { tiles: VideoTile[]; hidden: number } {
  const remote: VideoTile[] = [];
  for (const p of participants) {
    for (const stream of p.videoStreams) {
      if (stream.mediaStreamType !== 'Video' || !stream.isAvailable) continue;
      remote.push({
        key: `${p.participantId}|${stream.id}`,
        source: { kind: 'remote', callId: call.id, participantId: p.participantId, streamId: stream.id },
        label: partyName({ identity: p.identity, displayName: p.displayName }),
      });
    }
  }
  if (remote.length > max) {
    const rank = (tile: VideoTile) => {
      const at =
        tile.source.kind === 'remote' ? call.dominantSpeakers.indexOf(tile.source.participantId) : -1;
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    };
    remote.sort((a, b) => rank(a) - rank(b));
  }
  const local: VideoTile[] = call.isLocalVideoStarted
    ? [{ key: 'local', source: { kind: 'local', callId: call.id }, label: 'Your camera' }]
    : [];
  return { tiles: [...local, ...remote.slice(0, max)], hidden: Math.max(0, remote.length - max) };
}
