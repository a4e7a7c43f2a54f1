import type { TeamsCallAgent, TeamsIncomingCall, VideoDeviceInfo } from '@azure/communication-calling';
import { getIdentifierRawId, type CommunicationIdentifierKind } from '@azure/communication-common';
import { configure } from '../client';
import type { TeamsCloud } from '../engine/directory';
import { createInMemoryEmulator, type InMemoryEmulator } from './in-memory';
import { signedInConsoles } from './signed-in-consoles';

/** Something the SDK lets one listen to. */
interface Listenable {
  // The SDK's overloads take one listener type per event: any listener fits one of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: any, listener: any): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: any, listener: any): void;
}

export interface Console {
  readonly key: string;
  readonly agent: TeamsCallAgent;
  /** Every incoming call this console was rung with, in order. */
  readonly ringing: TeamsIncomingCall[];
  /** The Teams identifier the others see this console's user as. */
  readonly identifier: { microsoftTeamsUserId: string };
}

/**
 * Consoles (emulator clients) signed in to one in-memory world, for tests that drive the world as
 * consoles do. `watch` records events in words and removes its listeners at `finish`, which also
 * disposes the agents and checks every listener is gone (the count back at its baseline).
 */
export async function consoles<K extends string>(...keys: K[]) {
  const emulator: InMemoryEmulator = createInMemoryEmulator({ seed: 7 });
  configure({ transport: emulator.transport });
  const { offs, signIn: signInConsole, finish } = signedInConsoles(emulator);

  const signIn = async (key: string): Promise<Console> => {
    const { agent, ringing } = await signInConsole(key);
    const user = emulator.world.directory.user(key)!;
    return { key, agent, ringing, identifier: { microsoftTeamsUserId: user.microsoftTeamsUserId } };
  };

  const signedIn = {} as Record<K, Console>;
  for (const key of keys) signedIn[key] = await signIn(key);
  await emulator.settle();

  /**
   * Writes `label event` (and what `describe` says of the target then) to `log` on each event.
   * `describe` reads the object when the event fires: `call.state`, `participant.isMuted`, ...
   */
  const watch = <T extends Listenable>(
    target: T,
    events: readonly string[],
    log: string[],
    label: string,
    describe: (target: T, event: string, args: unknown) => string = (_t, event) => event,
  ) => {
    for (const event of events) {
      const listener = (args: unknown) => log.push(`${label} ${describe(target, event, args)}`.trim());
      target.on(event, listener as never);
      offs.push(() => target.off(event, listener as never));
    }
  };

  return { emulator, world: emulator.world, consoles: signedIn, signIn, watch, finish };
}

/** A participant's (or caller's) raw id. */
export function rawId(participant: {
  identifier: CommunicationIdentifierKind | undefined;
}): string | undefined {
  return participant.identifier && getIdentifierRawId(participant.identifier);
}

/** The raw id of a Teams user or phone number, as participants are told apart. */
export function rawIdOf(
  identifier: { microsoftTeamsUserId: string; cloud?: TeamsCloud } | { phoneNumber: string },
): string {
  return getIdentifierRawId(identifier);
}

/** A camera as `DeviceManager.getCameras()` lists one (the emulator's streams need only its id). */
export const FAKE_CAMERA: VideoDeviceInfo = { id: 'camera-1', name: 'Fake camera', deviceType: 'UsbCamera' };
