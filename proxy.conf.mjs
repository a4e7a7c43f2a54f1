// The dev server forwards the backends' paths, so the console talks to one origin, as it will to
// `server/` in production (no CORS, and the WebSocket rides the same host).
const emulatorPort = Number(process.env.EMULATOR_PORT || 4310);
const emulator = `http://127.0.0.1:${emulatorPort}`;
const server = `http://127.0.0.1:${process.env.SERVER_PORT || emulatorPort + 1}`;

export default {
  // The console still exchanges its emulator sign-in at the emulator's `/api/token`; once it signs
  // in with MSAL this entry goes, and `/api` (server/) answers `/api/token` too.
  '/api/token': { target: emulator, changeOrigin: true },
  '/api': { target: server, changeOrigin: true },
  '/emulator': { target: emulator, changeOrigin: true },
  '/ws': { target: emulator, ws: true, changeOrigin: true },
  '/health': { target: emulator, changeOrigin: true },
  // The emulated Entra ID (`/<tenant id>/...`): MSAL's discovery, token and logout requests and the
  // account picker. X-Forwarded-Host keeps the endpoints its discovery names on this origin.
  '^/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/': {
    target: emulator,
    changeOrigin: true,
    xfwd: true,
  },
};
