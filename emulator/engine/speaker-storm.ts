import type { CallModel, Party } from './call-model';
import type { Meeting } from './meetings';
import type { Random } from './random';
import { RANGES, rangeProblem } from './ranges';
import type { WorldPort } from './world-port';

/**
 * The flips due since the last batch go out together every this many milliseconds: a storm of
 * 1,000 a second is one timer firing about 60 times a second, not 1,000 timers.
 */
export const STORM_BATCH_MS = 20;

export interface SpeakerStormSpec {
  /** `isSpeaking` flips a second across the meeting (1 to 5000). */
  readonly perSecond: number;
  /** How long the storm lasts (1 to 600). */
  readonly seconds: number;
}

export interface SpeakerStorm extends SpeakerStormSpec {
  readonly meetingKey: string;
  readonly startedAt: number;
  readonly endsAt: number;
  /** Flips due so far (made, unless nobody could speak at the time). */
  flips: number;
}

/** Why a storm cannot start: the control answers 404, 409 or 400 for these. */
export class SpeakerStormRefused extends Error {
  constructor(
    readonly reason: 'unknownMeeting' | 'notInProgress' | 'outOfRange',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A speaker storm, for load work on a large meeting: on the world's clock, `perSecond` times a
 * second for `seconds`, a random attendee who can speak (a party the world plays, connected, not
 * muted) starts or stops speaking, and every console in the meeting that sees them hears of it
 * (`isSpeakingChanged`). The count is exact: after `t` ms, `floor(perSecond * t / 1000)` flips.
 * A storm lives on the meeting's call: it stops when that call ends (the last console leaves), and
 * a new storm on the same meeting replaces the one under way. While it lasts the scripted speaking
 * turns (speech.ts) wait, so a console hears the storm's flips and nothing else; attendees keep the
 * state the last flip left them in.
 */
export class SpeakerStorms {
  private readonly storms = new WeakMap<CallModel, SpeakerStorm>();

  constructor(
    private readonly world: WorldPort,
    private readonly random: Random,
  ) {}

  start(meetingKey: string, spec: SpeakerStormSpec): SpeakerStorm {
    const meeting = this.world.meetings.list().find((m) => m.key === meetingKey);
    if (!meeting)
      throw new SpeakerStormRefused(
        'unknownMeeting',
        `No meeting "${meetingKey}": one of ${this.world.meetings
          .list()
          .map((m) => m.key)
          .join(', ')} (GET /emulator/meetings).`,
      );
    const problem =
      rangeProblem('perSecond', spec.perSecond, RANGES.speakingPerSecond) ??
      rangeProblem('seconds', spec.seconds, RANGES.speakingSeconds);
    if (problem) throw new SpeakerStormRefused('outOfRange', problem);
    const call = this.callOf(meeting);
    if (!call)
      throw new SpeakerStormRefused(
        'notInProgress',
        `Meeting ${meetingKey} is not in progress: a console joins it first, then the storm has someone to reach.`,
      );
    const now = this.world.clock.now();
    const storm: SpeakerStorm = {
      meetingKey,
      perSecond: spec.perSecond,
      seconds: spec.seconds,
      startedAt: now,
      endsAt: now + spec.seconds * 1000,
      flips: 0,
    };
    this.storms.set(call, storm);
    // The storm is the meeting's talk while it lasts: its counts are exact.
    this.world.speech.hush(call);
    this.next(call, storm);
    return storm;
  }

  /** The storm under way in a meeting, if any. */
  current(meeting: Meeting): SpeakerStorm | undefined {
    const call = this.callOf(meeting);
    return call && this.storms.get(call);
  }

  private callOf(meeting: Meeting): CallModel | undefined {
    const call = meeting.callId === undefined ? undefined : this.world.calls.all.get(meeting.callId);
    return call?.status === 'live' ? call : undefined;
  }

  private next(call: CallModel, storm: SpeakerStorm): void {
    const { clock } = this.world;
    const wait = Math.min(STORM_BATCH_MS, storm.endsAt - clock.now());
    call.setTimer(clock, 'storm', wait, () => {
      if (this.storms.get(call) !== storm) return;
      const elapsed = Math.min(clock.now(), storm.endsAt) - storm.startedAt;
      const due = Math.floor((storm.perSecond * elapsed) / 1000) - storm.flips;
      this.flip(call, due);
      storm.flips += due;
      if (clock.now() < storm.endsAt) return this.next(call, storm);
      this.storms.delete(call);
      this.world.speech.resume(call);
    });
  }

  /** `count` flips of random speakers (none when nobody can speak: a storm does not catch up). */
  private flip(call: CallModel, count: number): void {
    const speakers: Party[] = [...call.parties.values()].filter(
      (party) => party.kind !== 'console' && party.state === 'Connected' && !party.isMuted,
    );
    if (speakers.length === 0) return;
    for (let i = 0; i < count; i++) {
      const party = this.random.pick(speakers);
      this.world.calls.changeParty(call, party, { isSpeaking: !party.isSpeaking });
    }
  }
}
