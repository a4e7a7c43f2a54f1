import type * as Sdk from '@azure/communication-calling';
import { notModelled } from '../connection';
import type { ListenerTally } from '../emitter';
import { featureName } from './factories';
import { featureUnavailable, InertFeature } from './inert-feature';

/**
 * Moving an active Teams call or meeting from another of the user's devices to this one: the
 * emulator knows no other devices, so there is never an active call elsewhere.
 */
export class InertActiveCallTransfer extends InertFeature implements Sdk.ActiveCallTransferFeature {
  constructor(tally: ListenerTally) {
    super('ActiveCallTransfer', tally);
  }

  async activeCallTransfer(): Promise<Sdk.TeamsCall> {
    throw featureUnavailable("the user's calls on other devices", 'Transferring an active call here');
  }

  async getActiveCallDetails(): Promise<undefined> {
    return undefined;
  }
}

/**
 * The call agent's features. The SDK's typings declare `ActiveCallTransferFeature` but no
 * `feature()` on the agent; its bundle has both, so code written against the bundle finds them.
 */
export function callAgentFeature(factory: unknown, tally: ListenerTally): InertActiveCallTransfer {
  const name = featureName(factory);
  if (name === 'ActiveCallTransfer') return new InertActiveCallTransfer(tally);
  throw notModelled(`The ${name ?? 'requested'} call agent feature`);
}
