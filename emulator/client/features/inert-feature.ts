import { callingError, type CallingError } from '../connection';
import { Emitter, type Listener, type ListenerTally } from '../emitter';

/**
 * What an SDK method on a feature the emulator's calls do not have rejects with: the SDK refuses
 * such operations on calls where the feature is unavailable, with a 4xx; 405 says "this call does
 * not allow it" without pretending to be a pair the console handles specially.
 */
export function featureUnavailable(feature: string, action: string): CallingError {
  return callingError({
    code: 405,
    message: `${action} is not available on this call: the emulator's calls have no ${feature}.`,
  });
}

/**
 * Counted listeners that a dispose removes, as the SDK's features drop theirs: a call's features
 * are disposed with the call when it ends, so what was subscribed to them goes with it.
 */
export class InertEvents {
  protected readonly events: Emitter;
  private readonly subscribed: [string, Listener][] = [];

  constructor(tally: ListenerTally) {
    this.events = new Emitter(tally);
  }

  on(event: string, listener: Listener): void {
    this.events.on(event, listener);
    this.subscribed.push([event, listener]);
  }

  off(event: string, listener: Listener): void {
    this.events.off(event, listener);
    for (let i = this.subscribed.length - 1; i >= 0; i--) {
      const [e, l] = this.subscribed[i];
      if (e === event && l === listener) {
        this.subscribed.splice(i, 1);
        return;
      }
    }
  }

  /** Removes every listener still subscribed (an `off` after this removes nothing). */
  dispose(): void {
    this.subscribed.splice(0).forEach(([event, listener]) => this.events.off(event, listener));
  }
}

/**
 * A feature the emulator does not model: the SDK's shape with empty values. It never emits, but
 * `on`/`off` are real (counted by the tally), so a subscriber that forgets its `off` shows up in
 * the listener count until the feature is disposed, as it would with the SDK.
 */
export abstract class InertFeature extends InertEvents {
  constructor(
    readonly name: string,
    tally: ListenerTally,
  ) {
    super(tally);
  }

  /** The feature's listeners go, and those of the objects it holds (captions, diagnostics, ...). */
  override dispose(): void {
    super.dispose();
    this.parts().forEach((part) => part.dispose());
  }

  protected parts(): InertEvents[] {
    return [];
  }
}
