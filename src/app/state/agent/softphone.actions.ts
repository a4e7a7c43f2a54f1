import { createActionGroup, emptyProps, props } from '@ngrx/store';

/**
 * One softphone per agent: of the tabs an agent has signed in, one holds the calling agent. These
 * are what the claim on it reports; the calling session runs from `Acquired` to `Released`.
 */
export const SoftphoneActions = createActionGroup({
  source: 'Softphone',
  events: {
    /** This tab holds the softphone: it creates the calling agent and rings. */
    Acquired: emptyProps(),
    /** Another tab of this agent holds it: this one does not ring. */
    'Held Elsewhere': props<{ liveCallNames: readonly string[] }>(),
    /** This tab gave the softphone up (another tab took it over): its agent is disposed. */
    Released: props<{ reason: 'usedElsewhere' }>(),
  },
});
