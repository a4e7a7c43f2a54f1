import { VirtualTimeScheduler } from 'rxjs';
import { inProcessGraph } from '../../graph/testing/in-process-graph';
import { DIRECTORY_SEARCH_SCHEDULER } from '../../state/dialer/outbound-time';
import { startEmulatedConsole } from '../../state/testing/emulated-console';

/**
 * A user's console on the in-memory emulator with its Graph for the dialer's directory, whose
 * search waits on a clock of its own that no test moves (nothing is searched for unasked).
 */
export function startDialingConsole(userKey = 'alex') {
  const graph = inProcessGraph();
  return startEmulatedConsole(userKey, {
    providers: [
      graph.provider,
      { provide: DIRECTORY_SEARCH_SCHEDULER, useValue: new VirtualTimeScheduler() },
    ],
    beforeSignIn: (emulator) => graph.attach(emulator.world, userKey),
  });
}
