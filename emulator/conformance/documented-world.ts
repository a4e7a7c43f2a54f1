import { configure } from '../client';
import { createInMemoryEmulator } from '../testing/in-memory';
import { signedInConsoles } from '../testing/signed-in-consoles';

/**
 * The world the samples of Microsoft's "Manage calls for Teams users" documentation run in: an
 * in-memory emulator, the emulator's module standing for `@azure/communication-calling`, and the
 * values the samples leave as placeholders (`<MICROSOFT_TEAMS_USER_ID>`, `<THREAD_ID>`, ...) taken
 * from the world. The samples are written in the tests as the documentation has them; only their
 * placeholders are filled in.
 */
export async function documentedWorld() {
  const emulator = createInMemoryEmulator({ seed: 13 });
  configure({ transport: emulator.transport });
  const { world } = emulator;
  const { agents, offs, signIn, finish } = signedInConsoles(emulator);

  const userId = (key: string) =>
    (world.directory.user(key) ?? world.directory.colleague(key))!.microsoftTeamsUserId;

  return {
    emulator,
    world,
    /** `<USER_TOKEN>` for a directory user. */
    userToken: (key: string) => emulator.tokenFor(key),
    /** `<MICROSOFT_TEAMS_USER_ID>` of a directory user or colleague. */
    userId,
    /** `<THREAD_ID>`: a new chat with these users (and, as the documentation recommends for phone participants, the all-zero member). */
    threadId: (...keys: string[]) =>
      world.threads.create(
        { members: [...keys.map(userId), '00000000-0000-0000-0000-000000000000'] },
        world.clock.now(),
      ).id,
    /** Another Teams user's console, signed in and answering (or not) what rings it. */
    colleagueConsole: signIn,
    /** Listens the way the samples do, and removes the listener at `finish`. */
    track: (off: () => void) => offs.push(off),
    agents,
    /** Every listener removed, every agent disposed (and `more`): the count is back at its baseline. */
    finish,
  };
}
