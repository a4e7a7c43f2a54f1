import type { RuntimeConfig } from '../runtime-config';

/** `config.json` as server/ writes it under `npm start`: the emulator's well-known tenant and app. */
export const EMULATED_CONFIG: RuntimeConfig = {
  backend: 'emulator',
  emulatorUrl: '',
  clientId: '00000000-0000-4000-8000-0000000c0000',
  authority: 'https://login.emulator.localhost/00000000-0000-4000-8000-0000000e0000',
  knownAuthorities: ['login.emulator.localhost'],
  scopes: {
    api: ['api://00000000-0000-4000-8000-0000000c0000/access_as_user'],
    teams: [
      'https://auth.msft.communication.azure.com/Teams.ManageCalls',
      'https://auth.msft.communication.azure.com/Teams.ManageChats',
    ],
    graph: ['Chat.ReadWrite', 'User.Read.All', 'Presence.Read.All', 'Presence.ReadWrite'],
  },
  tokenUrl: '/api/token',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  logLevel: 'warning',
  floorUrl: '/api/floor',
  wrapUpCodes: ['Resolved', 'Follow-up needed', 'Escalated', 'Wrong number'],
  afterCallWorkSeconds: 120,
};

/** A production tenant's `config.json`. */
export const TENANT_CONFIG: RuntimeConfig = {
  ...EMULATED_CONFIG,
  backend: 'acs',
  clientId: '3f2b1c9e-8d7a-4e6f-9a1b-2c3d4e5f6a7b',
  authority: 'https://login.microsoftonline.com/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  knownAuthorities: ['login.microsoftonline.com'],
  scopes: {
    ...EMULATED_CONFIG.scopes,
    api: ['api://3f2b1c9e-8d7a-4e6f-9a1b-2c3d4e5f6a7b/access_as_user'],
  },
};
