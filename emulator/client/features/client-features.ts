import type * as Sdk from '@azure/communication-calling';
import { notModelled } from '../connection';
import type { ListenerTally } from '../emitter';
import { featureName } from './factories';
import { InertFeature } from './inert-feature';

/** The call client's debug information: one tab, a browser environment the SDK supports. */
export class EmulatedDebugInfo extends InertFeature implements Sdk.DebugInfoCallClientFeature {
  readonly isCallClientActiveInAnotherTab = false;

  constructor(tally: ListenerTally) {
    super('DebugInfo', tally);
  }

  get lastCallId(): string | undefined {
    return undefined;
  }

  get lastLocalParticipantId(): string | undefined {
    return undefined;
  }

  async getEnvironmentInfo(): Promise<Sdk.EnvironmentInfo> {
    return {
      environment: { platform: 'emulator', browser: 'emulator', browserVersion: '0' },
      isSupportedPlatform: true,
      isSupportedBrowser: true,
      isSupportedBrowserVersion: true,
      isSupportedEnvironment: true,
    };
  }
}

/**
 * The call client's features: `DebugInfo` is the only one the SDK's typings declare. The others
 * its bundle has (`PreCallDiagnostics`) are refused with a clear error, as is any call feature.
 */
export function callClientFeature(factory: unknown, debugInfo: () => EmulatedDebugInfo): EmulatedDebugInfo {
  const name = featureName(factory);
  if (name === 'DebugInfo') return debugInfo();
  throw notModelled(`The ${name ?? 'requested'} call client feature`);
}
