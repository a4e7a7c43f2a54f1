import { BrowserCacheLocation, type Configuration } from '@azure/msal-browser';
import type { Logger } from '../logger';
import { msalLoggerCallback, toMsalLevel } from './msal-logging';
import type { RuntimeConfig } from '../runtime-config';
import { AuthorityRoute, isLocalAuthority } from './authority-route';
import { REDIRECT_BRIDGE_PATH, SIGN_IN_PATH } from './auth-paths';

/**
 * MSAL's configuration from `config.json`. MSAL's cache is localStorage, which MSAL encrypts
 * (AES-GCM, with a key kept in a cookie that ends with the browser session): Entra's tokens are
 * never in storage in plain text, a reload stays signed in, and closing the browser forgets them.
 * (sessionStorage would hold them in plain text; MSAL's memory cache cannot do a redirect sign-in,
 * `in_mem_redirect_unavailable`.) The console itself stores no token anywhere: the ACS token lives
 * in memory only.
 */
export function msalConfiguration(config: RuntimeConfig, logger: Logger, origin: string): Configuration {
  const emulatorBaseUrl = config.emulatorUrl || origin;
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: [...config.knownAuthorities],
      redirectUri: `${origin}${REDIRECT_BRIDGE_PATH}`,
      postLogoutRedirectUri: `${origin}${SIGN_IN_PATH}`,
    },
    cache: { cacheLocation: BrowserCacheLocation.LocalStorage },
    system: {
      loggerOptions: {
        loggerCallback: msalLoggerCallback(logger),
        logLevel: toMsalLevel(logger.level),
        piiLoggingEnabled: false,
      },
      ...(isLocalAuthority(config.authority) && {
        networkClient: new AuthorityRoute(config.authority, emulatorBaseUrl),
      }),
    },
  };
}
