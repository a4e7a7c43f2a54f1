import type { EmulatorTransport } from '../client/connection';
import { ManualClock } from '../engine/clock';
import type { GeneratedUsers, TeamsCloud } from '../engine/directory';
import type { ScenarioOptions } from '../engine/scenario';
import { World } from '../engine/world';
import type { ClientMessage, ServerMessage } from '../protocol/messages';

export interface InMemoryEmulator {
  readonly world: World;
  readonly clock: ManualClock;
  readonly transport: EmulatorTransport;
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
  const world = new World({
    clock,
    seed: options.seed ?? 1,
    scenario: options.scenario ?? false,
    ...(options.teamsCloud && { teamsCloud: options.teamsCloud }),
    ...(options.generatedUsers && { generatedUsers: options.generatedUsers }),
  });
  let inFlight = 0;
  const deliver = (action: () => void) => {
    inFlight++;
    queueMicrotask(() => {
      inFlight--;
      action();
    });
  };

  const transport: EmulatorTransport = {
    async connect(handlers) {
      let open = true;
      const endpointId = world.open(
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
            world.receive(endpointId, message, (result) => deliver(() => open && handlers.message(result))),
          );
        },
        close() {
          if (!open) return;
          open = false;
          deliver(() => world.close(endpointId));
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
    world,
    clock,
    transport,
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
