import type { EmulatorTransport } from '../client/connection';
import { ManualClock } from '../engine/clock';
import type { GeneratedUsers, TeamsCloud } from '../engine/directory';
import type { ScenarioOptions } from '../engine/scenario';
import { World } from '../engine/world';
import type { ClientMessage, ServerMessage } from '../protocol/messages';

export interface InMemoryEmulator {
  /** The world consoles reach now (`restart` replaces it). */
  readonly world: World;
  /**
   * The world's clock, and the timers the clients on this transport retry a lost connection on:
   * `advance` moves both.
   */
  readonly clock: ManualClock;
  readonly transport: EmulatorTransport;
  /**
   * The calling service restarts: a new world (same seed and clock) with no endpoints and no
   * calls; every socket to the old one is lost. Tokens from the old world's `tokenFor` are not
   * valid in the new one: a client re-registers with its credential's fresh token.
   */
  restart(): World;
  /** An ACS token for a directory user, e.g. `tokenFor('alex')`. */
  tokenFor(userKey: string): string;
  /** Lets what is in flight arrive, moves the world's clock forward, and lets every delivery it causes arrive. */
  advance(ms: number): Promise<void>;
  /** Lets every message in flight arrive, without moving the clock. */
  settle(): Promise<void>;
}

/**
 * A world in this process, reached through an in-memory transport that delivers asynchronously
 * (as a network does) and in order. For unit tests: the same client code as over the WebSocket.
 */
export function createInMemoryEmulator(
  options: {
    seed?: number;
    scenario?: false | Partial<ScenarioOptions>;
    teamsCloud?: TeamsCloud;
    /** Agents and supervisors beside the built-in users: `{ agents: 1000, supervisors: 50 }`. */
    generatedUsers?: GeneratedUsers;
  } = {},
): InMemoryEmulator {
  const clock = new ManualClock();
  const newWorld = () =>
    new World({
      clock,
      seed: options.seed ?? 1,
      scenario: options.scenario ?? false,
      ...(options.teamsCloud && { teamsCloud: options.teamsCloud }),
      ...(options.generatedUsers && { generatedUsers: options.generatedUsers }),
    });
  let world = newWorld();
  let inFlight = 0;
  const deliver = (action: () => void) => {
    inFlight++;
    queueMicrotask(() => {
      inFlight--;
      action();
    });
  };

  const transport: EmulatorTransport = {
    timers: clock,
    async connect(handlers) {
      let open = true;
      // A socket stays with the world it opened on, through a restart.
      const socketWorld = world;
      const endpointId = socketWorld.open(
        (message: ServerMessage) => deliver(() => open && handlers.message(message)),
        () => {
          if (!open) return;
          open = false;
          deliver(() => handlers.closed());
        },
      );
      return {
        // What a client sends before it closes still arrives (a socket flushes before its close frame).
        send(message: ClientMessage) {
          if (!open) return;
          deliver(() =>
            socketWorld.receive(endpointId, message, (result) =>
              deliver(() => open && handlers.message(result)),
            ),
          );
        },
        // The client's own close (a close frame): its endpoint ends at once.
        close() {
          if (!open) return;
          open = false;
          deliver(() => socketWorld.close(endpointId, 'closed'));
        },
      };
    },
  };

  const settle = async () => {
    // Microtask deliveries, then a macrotask turn for client timers (listener reports, replays).
    for (let round = 0; round < 50; round++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (inFlight === 0) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (inFlight === 0) return;
      }
    }
    throw new Error(`The in-memory emulator did not settle: ${inFlight} deliveries still in flight.`);
  };

  return {
    get world() {
      return world;
    },
    clock,
    transport,
    restart: () => {
      const old = world;
      world = newWorld();
      old.dispose();
      return world;
    },
    tokenFor: (userKey) => world.issueToken(userKey).token,
    // What is in flight arrives first (a request sent just before is handled at the current time).
    advance: async (ms) => {
      await settle();
      clock.advance(ms);
      await settle();
    },
    settle,
  };
}
