// The dev server forwards the backends' paths, so the console talks to one origin, as it will to
// `server/` in production (no CORS, and the WebSocket rides the same host).
const emulatorPort = Number(process.env.EMULATOR_PORT || 4310);
const emulator = `http://127.0.0.1:${emulatorPort}`;
const server = `http://127.0.0.1:${process.env.SERVER_PORT || emulatorPort + 1}`;

export default {
  // server/: the token exchange, the supervisor's floor (a WebSocket) and the console's runtime
  // configuration (the one source of config.json, in development as in production).
  '/api': { target: server, ws: true, changeOrigin: true },
  '/config.json': { target: server, changeOrigin: true },
  // The emulator: its controls, the calling WebSocket, its health.
  '/emulator': { target: emulator, changeOrigin: true },
  '/ws': { target: emulator, ws: true, changeOrigin: true },
  '/health': { target: emulator, changeOrigin: true },
  // The emulator's Microsoft Graph (users, chats): the console's Graph client uses the same origin.
  '/v1.0': { target: emulator, changeOrigin: true },
  // The emulated Entra ID (`/<tenant id>/...`): MSAL's discovery, token and logout requests and the
  // account picker. X-Forwarded-Host keeps the endpoints its discovery names on this origin.
  '^/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/': {
    target: emulator,
    changeOrigin: true,
    xfwd: true,
  },
};
