// The side-by-side bench's other console: Microsoft's StatefulCallClient (@azure/communication-react)
// in the browser, on the emulator's calling module, its state rendered by a minimal React 18 list.
// Bundled by stateful-client-bundle.ts with esbuild, resolved from emulator/interop/stateful-client's
// own packages and with `@azure/communication-calling` aliased to emulator/client/index.ts.
// page-probes.js notes each `onStateChange` in `window.__bench.stateChanges`.
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { configure } from '@azure/communication-calling';
import { createStatefulCallClient } from '@azure/communication-react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const now = () => performance.timeOrigin + performance.now();

/** Every call ringing, one row each, as the console's queue shows them (here all rendered). */
function IncomingCalls({ calls }) {
  return createElement(
    'ul',
    { 'aria-label': 'Incoming calls', id: 'incoming-calls' },
    calls.map((call) =>
      createElement(
        'li',
        { key: call.id, 'aria-label': `Call from ${call.callerInfo.displayName ?? ''}` },
        createElement('span', null, call.callerInfo.displayName ?? ''),
        createElement('button', { type: 'button' }, 'Accept'),
      ),
    ),
  );
}

window.__statefulClient = {
  /** Signs in as the token's user on the emulator at `url`; renders the ringing calls. */
  async start({ url, token, microsoftTeamsUserId }) {
    configure({ url });
    const bench = window.__bench;
    const element = document.createElement('main');
    document.body.append(element);
    const root = createRoot(element);
    const client = createStatefulCallClient({ userId: { microsoftTeamsUserId } });
    client.onStateChange((state) => {
      const calls = Object.values(state.incomingCalls).filter((call) => !call.endTime);
      if (bench.recording) bench.stateChanges.push({ t: now(), queued: calls.length });
      root.render(createElement(IncomingCalls, { calls }));
    });
    await client.createTeamsCallAgent(new AzureCommunicationTokenCredential(token));
  },
};
