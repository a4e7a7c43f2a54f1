import type { CallModel, Party } from './call-model';
import { RING_TIMEOUT_MS } from './call-model';
import { END } from './codes';
import type { Colleague } from './directory';
import type { ScriptPort, WorldPort } from './world-port';

/**
 * Phone numbers and colleagues (Teams users the world plays) when a console calls or adds them.
 * The rules are fixed, so a test or a demo knows what a number will do (README.md lists them).
 */

/** A phone number rings (early media, ringback) this long before it answers. */
export const PHONE_ANSWER_MS = 5_000;
/** A busy number says so after this long. */
export const PHONE_BUSY_MS = 1_000;
/** A number that declines does so after this long. */
export const PHONE_DECLINE_MS = 3_000;
/** A number that hangs up by itself does so this long after answering. */
export const PHONE_HANG_UP_MS = 30_000;
/** A colleague who answers does so after ringing this long. */
export const COLLEAGUE_ANSWER_MS = 3_000;
/** A colleague who declines does so after ringing this long. */
export const COLLEAGUE_DECLINE_MS = 2_000;

export type PhoneRule = 'answer' | 'answerThenHangUp' | 'busy' | 'decline' | 'noAnswer';

/** What a phone number does when called, by how it ends. */
export function phoneRule(phoneNumber: string): PhoneRule {
  if (phoneNumber.endsWith('486')) return 'busy';
  if (phoneNumber.endsWith('603')) return 'decline';
  if (phoneNumber.endsWith('487')) return 'noAnswer';
  if (phoneNumber.endsWith('560')) return 'answerThenHangUp';
  return 'answer';
}

export class ScriptedParties implements ScriptPort {
  constructor(private readonly world: WorldPort) {}

  dialPhone(call: CallModel, party: Party): void {
    const { calls, clock } = this.world;
    const phoneNumber = party.identifier.kind === 'phoneNumber' ? party.identifier.phoneNumber : '';
    // One line cannot take two calls at once: a number already in a call is busy.
    const rule = this.onAnotherCall(call, party) ? 'busy' : phoneRule(phoneNumber);
    calls.setPartyState(call, party, 'EarlyMedia');
    const after = (ms: number, action: () => void) => call.setTimer(clock, `script:${party.id}`, ms, action);
    switch (rule) {
      case 'busy':
        return after(PHONE_BUSY_MS, () => calls.leave(call, party, END.busy));
      case 'decline':
        return after(PHONE_DECLINE_MS, () => calls.leave(call, party, END.declined));
      case 'noAnswer':
        return after(RING_TIMEOUT_MS, () => calls.leave(call, party, END.noAnswer));
      case 'answer':
      case 'answerThenHangUp':
        if (rule === 'answerThenHangUp') party.talkMs = PHONE_HANG_UP_MS;
        return after(PHONE_ANSWER_MS, () => this.answer(call, party));
    }
  }

  dialColleague(call: CallModel, party: Party, colleague: Colleague): void {
    const { calls, clock } = this.world;
    if (colleague.whenCalled === 'offline') return calls.leave(call, party, END.offline);
    calls.setPartyState(call, party, 'Ringing');
    const after = (ms: number, action: () => void) => call.setTimer(clock, `script:${party.id}`, ms, action);
    switch (colleague.whenCalled) {
      case 'answer':
        return after(COLLEAGUE_ANSWER_MS, () => this.answer(call, party));
      case 'decline':
        return after(COLLEAGUE_DECLINE_MS, () => calls.leave(call, party, END.declined));
      case 'noAnswer':
        return after(RING_TIMEOUT_MS, () => calls.leave(call, party, END.noAnswer));
    }
  }

  startTalking(call: CallModel, party: Party): void {
    const { talkMs } = party;
    if (talkMs === undefined) return;
    call.setTimer(this.world.clock, `talk:${party.id}`, talkMs, () =>
      this.world.calls.leave(call, party, END.phoneParticipantHungUp),
    );
  }

  private answer(call: CallModel, party: Party): void {
    this.world.calls.setPartyState(call, party, 'Connected');
    this.startTalking(call, party);
    this.world.speech.schedule(call);
  }

  private onAnotherCall(call: CallModel, party: Party): boolean {
    return [...this.world.calls.all.values()].some(
      (other) => other !== call && other.parties.get(party.id)?.state === 'Connected',
    );
  }
}
