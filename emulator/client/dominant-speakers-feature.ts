import type {
  DominantSpeakersCallFeature,
  DominantSpeakersInfo,
  RemoteParticipant,
} from '@azure/communication-calling';
import { Emitter, type Listener, type ListenerTally } from './emitter';

/**
 * `call.feature(Features.DominantSpeakers)`: the participants who spoke, most recent first (the one
 * speaking now leads), from the world's speaking turns. A participant who leaves drops out.
 */
export class EmulatedDominantSpeakers implements DominantSpeakersCallFeature {
  readonly name = 'DominantSpeakers';
  private speakers: RemoteParticipant[] = [];
  private info: DominantSpeakersInfo = { speakersList: [], timestamp: new Date() };
  private readonly events: Emitter;

  constructor(tally: ListenerTally) {
    this.events = new Emitter(tally);
  }

  get dominantSpeakers(): DominantSpeakersInfo {
    return this.info;
  }

  on(event: 'dominantSpeakersChanged', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'dominantSpeakersChanged', listener: Listener): void {
    this.events.off(event, listener);
  }

  /** With its call: the listeners still subscribed go, as the SDK's features drop theirs. */
  dispose(): void {
    this.events.removeAll();
  }

  /** A participant started speaking: they lead the list. */
  spoke(participant: RemoteParticipant): void {
    if (this.speakers[0] === participant) return;
    this.set([participant, ...this.speakers.filter((p) => p !== participant)]);
  }

  left(participant: RemoteParticipant): void {
    if (this.speakers.includes(participant)) this.set(this.speakers.filter((p) => p !== participant));
  }

  private set(speakers: RemoteParticipant[]): void {
    this.speakers = speakers;
    this.info = { speakersList: speakers.map((p) => p.identifier), timestamp: new Date() };
    this.events.emit('dominantSpeakersChanged');
  }
}
