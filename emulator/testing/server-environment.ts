import { ACS_ACCESS_KEY } from '../server/cloud/acs-identity';
import { ISSUER, SWITCHBOARD_CLIENT_ID, TENANT_ID } from '../server/cloud/app-registration';

/**
 * `server/`'s environment as `npm start` gives it: the emulator at `emulatorUrl` is its Entra ID
 * (tenant, app registration, keys) and its ACS (connection string with the well-known access key).
 */
export function serverEnvironment(emulatorUrl: string, accessKey = ACS_ACCESS_KEY): Record<string, string> {
  return {
    ENTRA_TENANT_ID: TENANT_ID,
    ENTRA_CLIENT_ID: SWITCHBOARD_CLIENT_ID,
    ENTRA_AUTHORITY: ISSUER.replace(/\/v2\.0$/, ''),
    ENTRA_JWKS_URL: `${emulatorUrl}/${TENANT_ID}/discovery/v2.0/keys`,
    ACS_CONNECTION_STRING: `endpoint=${emulatorUrl}/;accesskey=${accessKey}`,
    LOG_LEVEL: 'silent',
  };
}
