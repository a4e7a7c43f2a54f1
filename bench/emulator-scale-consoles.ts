// The consoles of bench/emulator-scale.ts: the emulator's calling module (the SDK's surface) over
// its WebSocket, one `TeamsCallAgent` per generated agent, doing what an agent does with a queue
// that rings everyone: pick up a ringing call after a moment's reaction if not on a call already,
// talk, hang up. Their timers run on the world's clock, so the simulated hour takes their reaction
// and talk times as it takes the callers' patience. The ledger keeps what became of every call.
import type {
  CallEndReason,
  TeamsCall,
  TeamsCallAgent,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import type { Clock } from '../emulator/engine/clock';
import type { Random } from '../emulator/engine/random';

/** What became of one offered call. */
interface CallRecord {
  /** The agents whose accept the world took: exactly one for an answered call. */
  readonly answeredBy: string[];
  /** The answered call's end, on the console that answered it. */
  endReason?: CallEndReason;
  /** Why it stopped ringing, on the consoles it rang (taken elsewhere, the caller gone, ...). */
  ringEndReason?: CallEndReason;
  rang: number;
}

const reasonText = (reason: CallEndReason) => `${reason.code}/${reason.subCode}`;

/** Every offered call and what became of it; the operations still in flight. */
export class CallLedger {
  private readonly calls = new Map<string, CallRecord>();
  /** Calls that rang a console without having been offered by the bench. */
  strangers = 0;
  /** Accepts the world refused: another agent was first, or the ringing had just ended. */
  refusedAccepts = 0;
  /** Hang-ups that failed (the call already over). */
  failedHangUps = 0;
  /** Accepts and hang-ups on their way: the clock waits for them. */
  inFlight = 0;

  offered(id: string): void {
    this.calls.set(id, { answeredBy: [], rang: 0 });
  }

  rang(id: string): CallRecord | undefined {
    const record = this.calls.get(id);
    if (!record) this.strangers++;
    else record.rang++;
    return record;
  }

  async track<T>(operation: Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await operation;
    } finally {
      this.inFlight--;
    }
  }

  /** Whether every offered call is over (ended, with or without a reason). */
  get allOver(): boolean {
    return [...this.calls.values()].every((record) =>
      record.answeredBy.length > 0 ? record.endReason !== undefined : record.ringEndReason !== undefined,
    );
  }

  /** What became of the calls: offered, answered, ended unanswered, without a reason, by reason. */
  outcomes() {
    const reasons = new Map<string, number>();
    let answered = 0;
    let unanswered = 0;
    let withoutReason = 0;
    let answeredTwice = 0;
    let neverRang = 0;
    for (const record of this.calls.values()) {
      if (record.rang === 0) neverRang++;
      if (record.answeredBy.length > 1) answeredTwice++;
      const reason = record.answeredBy.length > 0 ? record.endReason : record.ringEndReason;
      if (record.answeredBy.length > 0) answered++;
      else if (reason) unanswered++;
      if (!reason) withoutReason++;
      else {
        const key = `${record.answeredBy.length > 0 ? 'answered, ended' : 'unanswered, ended'} ${reasonText(reason)}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
      }
    }
    return {
      offered: this.calls.size,
      answered,
      unanswered,
      withoutReason,
      answeredTwice,
      neverRang,
      reasons: new Map([...reasons].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}

export interface ConsoleTimes {
  /** How long an agent lets a call ring before picking up, in ms: [min, max]. */
  readonly reactionMs: readonly [number, number];
  /** How long an agent talks before hanging up, in ms: [min, max]. */
  readonly talkMs: readonly [number, number];
}

/** One agent's console: answers when free, talks, hangs up. */
export class ScaleConsole {
  private onCall = false;

  constructor(
    readonly key: string,
    readonly agent: TeamsCallAgent,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly ledger: CallLedger,
    private readonly times: ConsoleTimes,
  ) {
    agent.on('incomingCall', this.ringing);
  }

  async dispose(): Promise<void> {
    this.agent.off('incomingCall', this.ringing);
    await this.agent.dispose();
  }

  private readonly ringing = ({ incomingCall }: { incomingCall: TeamsIncomingCall }): void => {
    const record = this.ledger.rang(incomingCall.id);
    let reaction: number | null = null;
    const ended = ({ callEndReason }: { callEndReason: CallEndReason }) => {
      incomingCall.off('callEnded', ended);
      if (reaction !== null) this.clock.clearTimeout(reaction);
      // Every console it rang hears the same end; the last word is the call's.
      if (record && record.answeredBy.length === 0) record.ringEndReason = callEndReason;
    };
    incomingCall.on('callEnded', ended);
    reaction = this.clock.setTimeout(
      () => {
        reaction = null;
        if (record && !this.onCall) void this.answer(incomingCall, record);
      },
      this.random.between(...this.times.reactionMs),
    );
  };

  private async answer(incomingCall: TeamsIncomingCall, record: CallRecord): Promise<void> {
    this.onCall = true;
    let call: TeamsCall;
    try {
      call = await this.ledger.track(incomingCall.accept());
    } catch {
      this.onCall = false;
      this.ledger.refusedAccepts++;
      return;
    }
    record.answeredBy.push(this.key);
    const hangUp = this.clock.setTimeout(
      () => void this.ledger.track(call.hangUp()).catch(() => this.ledger.failedHangUps++),
      this.random.between(...this.times.talkMs),
    );
    const changed = () => {
      if (call.state !== 'Disconnected') return;
      call.off('stateChanged', changed);
      this.clock.clearTimeout(hangUp);
      record.endReason = call.callEndReason;
      this.onCall = false;
    };
    call.on('stateChanged', changed);
    changed();
  }
}
