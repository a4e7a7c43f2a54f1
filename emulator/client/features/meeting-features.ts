import type * as Sdk from '@azure/communication-calling';
import type { ListenerTally } from '../emitter';
import { featureUnavailable, InertFeature } from './inert-feature';

/**
 * Meeting features the emulator's calls do not have: nobody raises a hand, reacts, is spotlighted,
 * presents PowerPoint Live, sits in a breakout room or a together-mode scene, and media access is
 * not managed. Asking for them reads as empty; acting on them rejects.
 */

export class InertRaiseHand extends InertFeature implements Sdk.RaiseHandCallFeature {
  constructor(tally: ListenerTally) {
    super('RaiseHand', tally);
  }

  async raiseHand(): Promise<void> {
    throw featureUnavailable('raised hands', 'Raising a hand');
  }

  async lowerHand(): Promise<void> {
    throw featureUnavailable('raised hands', 'Lowering a hand');
  }

  async lowerHands(): Promise<void> {
    throw featureUnavailable('raised hands', 'Lowering hands');
  }

  async lowerAllHands(): Promise<void> {
    throw featureUnavailable('raised hands', 'Lowering all hands');
  }

  getRaisedHands(): Sdk.RaisedHand[] {
    return [];
  }
}

export class InertReaction extends InertFeature implements Sdk.ReactionCallFeature {
  constructor(tally: ListenerTally) {
    super('Reaction', tally);
  }

  async sendReaction(): Promise<void> {
    throw featureUnavailable('reactions', 'Sending a reaction');
  }
}

export class InertSpotlight extends InertFeature implements Sdk.SpotlightCallFeature {
  readonly maxParticipantsToSpotlight = 0;

  constructor(tally: ListenerTally) {
    super('Spotlight', tally);
  }

  async startSpotlight(): Promise<void> {
    throw featureUnavailable('spotlight', 'Spotlighting a participant');
  }

  async stopSpotlight(): Promise<void> {
    throw featureUnavailable('spotlight', 'Stopping a spotlight');
  }

  async stopAllSpotlight(): Promise<void> {
    throw featureUnavailable('spotlight', 'Stopping every spotlight');
  }

  getSpotlightedParticipants(): Sdk.SpotlightedParticipant[] {
    return [];
  }
}

export class InertPPTLive extends InertFeature implements Sdk.PPTLiveCallFeature {
  readonly isActive = false;
  readonly activePresenterId = undefined;
  private element: HTMLElement | undefined;

  constructor(tally: ListenerTally) {
    super('PPTLive', tally);
  }

  /** An empty element in a browser, where a presentation would be drawn; no DOM, no element. */
  get target(): HTMLElement {
    this.element ??= globalThis.document?.createElement('div');
    return this.element as HTMLElement;
  }
}

export class InertBreakoutRooms extends InertFeature implements Sdk.BreakoutRoomsCallFeature {
  readonly assignedBreakoutRooms = undefined;
  readonly breakoutRoomsSettings = undefined;
  readonly breakoutRooms = undefined;

  constructor(tally: ListenerTally) {
    super('BreakoutRooms', tally);
  }
}

export class InertTogetherMode extends InertFeature implements Sdk.TogetherModeCallFeature {
  readonly togetherModeStream: ReadonlyArray<Sdk.TogetherModeVideoStream> = [];
  private size: Sdk.TogetherModeSceneSize = { width: 0, height: 0 };

  constructor(tally: ListenerTally) {
    super('TogetherMode', tally);
  }

  get togetherModeSeatingMap(): Sdk.TogetherModeSeatingMap {
    return new Map();
  }

  get sceneSize(): Sdk.TogetherModeSceneSize {
    return this.size;
  }

  /** Kept as set (the SDK keeps it too), though no scene is ever drawn. */
  set sceneSize(size: Sdk.TogetherModeSceneSize) {
    this.size = { width: size.width, height: size.height };
  }

  async start(): Promise<void> {
    throw featureUnavailable('together mode', 'Starting together mode');
  }
}

export class InertMediaAccess extends InertFeature implements Sdk.MediaAccessCallFeature {
  constructor(tally: ListenerTally) {
    super('MediaAccess', tally);
  }

  async permitAudio(): Promise<void> {
    throw featureUnavailable('media access control', "Permitting participants' audio");
  }

  async forbidAudio(): Promise<void> {
    throw featureUnavailable('media access control', "Forbidding participants' audio");
  }

  async permitOthersAudio(): Promise<void> {
    throw featureUnavailable('media access control', "Permitting the others' audio");
  }

  async forbidOthersAudio(): Promise<void> {
    throw featureUnavailable('media access control', "Forbidding the others' audio");
  }

  async permitVideo(): Promise<void> {
    throw featureUnavailable('media access control', "Permitting participants' video");
  }

  async forbidVideo(): Promise<void> {
    throw featureUnavailable('media access control', "Forbidding participants' video");
  }

  async permitOthersVideo(): Promise<void> {
    throw featureUnavailable('media access control', "Permitting the others' video");
  }

  async forbidOthersVideo(): Promise<void> {
    throw featureUnavailable('media access control', "Forbidding the others' video");
  }

  /** Nobody's media access is restricted: no entry per participant. */
  getAllOthersMediaAccess(): Sdk.MediaAccess[] {
    return [];
  }

  /** Audio and video are permitted for everyone, as on a call without meeting policies. */
  getMeetingMediaAccess(): Sdk.MeetingMediaAccess {
    return { isAudioPermitted: true, isVideoPermitted: true };
  }
}

export class InertTeamsMeetingAudioConferencing
  extends InertFeature
  implements Sdk.TeamsMeetingAudioConferencingCallFeature
{
  constructor(tally: ListenerTally) {
    super('TeamsMeetingAudioConferencing', tally);
  }

  /** No dial-in: an empty conference id and no numbers (never a rejection, which callers do not catch). */
  async getTeamsMeetingAudioConferencingDetails(): Promise<Sdk.TeamsMeetingAudioConferencingDetails> {
    return { phoneConferenceId: '', phoneNumbers: [] };
  }
}
