import type { Provider } from '@angular/core';
import * as graphClient from '@microsoft/microsoft-graph-client';
import { GraphFaults } from '../../../../emulator/graph/graph-faults';
import { InProcessGraph } from '../../../../emulator/graph/in-process-graph';
import { graphWorldOf } from '../../../../emulator/graph/world-graph';
import type { World } from '../../../../emulator/engine/world';
import { createGraphClient, GRAPH_CLIENT_FACTORY } from '../graph-client';

/**
 * The console's Graph client over the emulator's Graph in this process: the same client, request
 * building and error handling as in production; only the transport differs. Attach the world (and
 * who is signed in) before the first Graph request, e.g. in `startEmulatedConsole`'s `beforeSignIn`.
 * `faults` refuses chosen requests (`failNext('POST', /^\/chats\/[^/]+\/members$/, 403)`).
 */
export function inProcessGraph() {
  const faults = new GraphFaults();
  let world: World | null = null;
  let userKey = '';
  const attach = (to: World, signedIn: string) => {
    world = to;
    userKey = signedIn;
  };
  const provider: Provider = {
    provide: GRAPH_CLIENT_FACTORY,
    useValue: async () => {
      if (!world) throw new Error('Attach the emulator’s world to the in-process Graph first.');
      const token = world.signIn(userKey);
      return createGraphClient(
        graphClient,
        'https://graph.emulator.test/',
        async () => token,
        new InProcessGraph(graphWorldOf(world), faults),
      );
    },
  };
  return { provider, attach, faults };
}
