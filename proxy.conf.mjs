// The dev server forwards the emulator's paths to it, so the console talks to one origin, as it
// will to `server/` in production (no CORS, and the WebSocket rides the same host).
const target = `http://127.0.0.1:${process.env.EMULATOR_PORT || 4310}`;

export default {
  '/api': { target, changeOrigin: true },
  '/emulator': { target, changeOrigin: true },
  '/ws': { target, ws: true, changeOrigin: true },
  '/health': { target, changeOrigin: true },
  // The emulator's Microsoft Graph (users, chats): the console's Graph client uses the same origin.
  '/v1.0': { target, changeOrigin: true },
};
