import type { CallModel, Party } from './call-model';
import { scriptOf } from './scripts';
import type { SpeechPort, WorldPort } from './world-port';

/** How long a scripted party takes to say one word. */
export const WORD_MS = 300;
/** Captions give the words of a turn so far after every this many words (`Partial`). */
export const WORDS_PER_PARTIAL = 3;
/** The quiet between turns, at random within these bounds. */
export const PAUSE_MS = { min: 800, max: 4_000 } as const;

/** A party saying one line of its script: `said` words of it so far, since `startedAt`. */
interface Turn {
  readonly party: Party;
  readonly words: readonly string[];
  said: number;
  readonly startedAt: number;
}

/**
 * Scripted parties talk in turns (`isSpeakingChanged` on every console that sees them): one at a
 * time, after a pause, a random one of those connected and not muted, saying the next line of its
 * script (engine/scripts.ts) at `WORD_MS` a word. Captions follow the turn: every
 * `WORDS_PER_PARTIAL` words a `Partial` result with the words so far, and at the end of the line
 * its `Final` one, sent just before the speaker stops speaking. While no console in the call is
 * connected (all on hold, or in the lobby) nobody hears them and they are quiet; a party that
 * leaves, is muted, or whose call ends falls silent first (a line cut short is final as far as it
 * got).
 */
export class Speech implements SpeechPort {
  private readonly turns = new WeakMap<CallModel, Turn>();
  /** The next line of each party's script. */
  private readonly nextLine = new WeakMap<Party, number>();
  /** Calls whose talk a speaker storm has taken over (speaker-storm.ts). */
  private readonly hushed = new WeakSet<CallModel>();

  constructor(private readonly world: WorldPort) {}

  schedule(call: CallModel): void {
    const live = call.legs().some((party) => party.leg.state === 'Connected');
    if (!live) {
      for (const party of call.parties.values()) this.stop(call, party);
      call.clearTimer(this.world.clock, 'speaking');
      return;
    }
    // A line under way goes on to its end.
    if (call.status !== 'live' || this.turns.has(call)) return;
    this.pause(call);
  }

  /**
   * Stops a party speaking, in a change of its own sent before any state change: the client must
   * never hold a Disconnected participant (or one on an ended call) that still speaks.
   */
  stop(call: CallModel, party: Party): void {
    const turn = this.turns.get(call);
    if (turn?.party === party) {
      this.turns.delete(call);
      if (turn.said > 0) this.caption(call, turn, 'Final');
      if (call.status === 'live') this.pause(call);
    }
    if (party.isSpeaking) this.world.calls.changeParty(call, party, { isSpeaking: false });
  }

  hush(call: CallModel): void {
    this.hushed.add(call);
    const turn = this.turns.get(call);
    if (turn) this.stop(call, turn.party);
    call.clearTimer(this.world.clock, 'speaking');
  }

  resume(call: CallModel): void {
    this.hushed.delete(call);
    this.schedule(call);
  }

  private pause(call: CallModel): void {
    const ms = this.world.random.speaking.between(PAUSE_MS.min, PAUSE_MS.max);
    call.setTimer(this.world.clock, 'speaking', ms, () => this.startTurn(call));
  }

  private startTurn(call: CallModel): void {
    if (this.hushed.has(call)) return;
    const speakers = [...call.parties.values()].filter(
      (party) => party.kind !== 'console' && party.state === 'Connected' && !party.isMuted,
    );
    if (speakers.length === 0) return this.pause(call);
    const party = speakers.length === 1 ? speakers[0] : this.world.random.speaking.pick(speakers);
    const script = scriptOf(party);
    const line = this.nextLine.get(party) ?? 0;
    this.nextLine.set(party, (line + 1) % script.length);
    const turn: Turn = { party, words: script[line].split(' '), said: 0, startedAt: this.world.clock.now() };
    this.turns.set(call, turn);
    this.world.calls.changeParty(call, party, { isSpeaking: true });
    this.speak(call, turn);
  }

  /** The next few words; then a `Partial` caption, or at the line's end its `Final` one. */
  private speak(call: CallModel, turn: Turn): void {
    const words = Math.min(WORDS_PER_PARTIAL, turn.words.length - turn.said);
    call.setTimer(this.world.clock, 'speaking', words * WORD_MS, () => {
      turn.said += words;
      if (turn.said < turn.words.length) {
        this.caption(call, turn, 'Partial');
        return this.speak(call, turn);
      }
      this.stop(call, turn.party);
    });
  }

  private caption(call: CallModel, turn: Turn, resultType: 'Partial' | 'Final'): void {
    const text = turn.words.slice(0, turn.said).join(' ');
    this.world.captions.said(call, { speaker: turn.party, text, resultType, timestamp: turn.startedAt });
  }
}
