import { InjectionToken, type Provider } from '@angular/core';
import type {
  CallClient,
  Features,
  LocalVideoStream,
  VideoStreamRenderer,
} from '@azure/communication-calling';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../core/runtime-config';

/**
 * Makes the `CallClient` every call goes through. The console is typed against the SDK only;
 * this factory is the one place that knows which implementation stands behind it.
 */
export type CallClientFactory = () => Promise<CallClient>;

export const CALL_CLIENT_FACTORY = new InjectionToken<CallClientFactory>('CALL_CLIENT_FACTORY');

/**
 * The SDK's other values the console uses, from the same module as the `CallClient`: the feature
 * factories it passes to `call.feature()`, and the media classes it constructs.
 */
export interface CallingValues {
  readonly Features: typeof Features;
  readonly LocalVideoStream: typeof LocalVideoStream;
  readonly VideoStreamRenderer: typeof VideoStreamRenderer;
}

export type CallingValuesLoader = () => Promise<CallingValues>;

export const CALLING_VALUES = new InjectionToken<CallingValuesLoader>('CALLING_VALUES');

/**
 * The backend choice (docs/architecture.md: exactly one place chooses). Both modules load through a dynamic
 * `import()`: the real SDK is ~1.8 MB gzipped and stays out of the initial bundle, and the
 * emulator's client is a drop-in module exporting the same `CallClient`.
 */
export function provideCallingBackend(): Provider[] {
  return [
    {
      provide: CALL_CLIENT_FACTORY,
      deps: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig): CallClientFactory =>
        config.backend === 'acs'
          ? async () => new (await import('@azure/communication-calling')).CallClient()
          : async () => {
              const emulator = await import('../../../emulator/client');
              emulator.configure({ url: config.emulatorUrl || globalThis.location.origin });
              // The emulator's CallClient implements the SDK's CallClient contract (checked in emulator/).
              return new emulator.CallClient() as unknown as CallClient;
            },
    },
    {
      provide: CALLING_VALUES,
      deps: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig): CallingValuesLoader =>
        config.backend === 'acs'
          ? () => import('@azure/communication-calling')
          : // The emulator's classes implement the SDK's contracts (checked in emulator/).
            async () => (await import('../../../emulator/client')) as unknown as CallingValues,
    },
  ];
}
