import { BrowserCacheLocation, LogLevel } from '@azure/msal-browser';
import { TestBed } from '@angular/core/testing';
import { Logger } from '../logger';
import { RUNTIME_CONFIG } from '../runtime-config';
import { EMULATED_CONFIG, TENANT_CONFIG } from '../testing/runtime-configs';
import { AuthorityRoute } from './authority-route';
import { msalConfiguration } from './msal-configuration';

describe('MSAL’s configuration', () => {
  let instance: Logger;
  const logger = () => instance;
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [{ provide: RUNTIME_CONFIG, useValue: { logLevel: 'info' } }],
    });
    instance = TestBed.inject(Logger);
  });

  it('brings every answer back to the redirect bridge, and sign-out to the sign-in page', () => {
    const { auth } = msalConfiguration(TENANT_CONFIG, logger(), 'https://switchboard.example');
    expect(auth).toEqual(
      jasmine.objectContaining({
        clientId: TENANT_CONFIG.clientId,
        authority: TENANT_CONFIG.authority,
        knownAuthorities: ['login.microsoftonline.com'],
        redirectUri: 'https://switchboard.example/redirect',
        postLogoutRedirectUri: 'https://switchboard.example/sign-in',
      }),
    );
  });

  it('keeps MSAL’s cache in its encrypted localStorage, and its logs personal-data free', () => {
    const config = msalConfiguration(TENANT_CONFIG, logger(), 'https://switchboard.example');
    expect(config.cache?.cacheLocation).toBe(BrowserCacheLocation.LocalStorage);
    expect(config.system?.loggerOptions?.piiLoggingEnabled).toBeFalse();
    expect(config.system?.loggerOptions?.logLevel).toBe(LogLevel.Info);
  });

  it('sends a real tenant’s requests as MSAL makes them', () => {
    expect(
      msalConfiguration(TENANT_CONFIG, logger(), 'https://switchboard.example').system?.networkClient,
    ).toBeUndefined();
  });

  it('routes the emulator’s https authority name to the emulator over plain http', () => {
    const route = msalConfiguration(EMULATED_CONFIG, logger(), 'http://localhost:4200').system
      ?.networkClient as AuthorityRoute;
    expect(route).toBeInstanceOf(AuthorityRoute);
    expect(
      route.route(
        'https://login.emulator.localhost/00000000-0000-4000-8000-0000000e0000/v2.0/.well-known/openid-configuration',
      ),
    ).toBe(
      'http://localhost:4200/00000000-0000-4000-8000-0000000e0000/v2.0/.well-known/openid-configuration',
    );
    const elsewhere = msalConfiguration(
      { ...EMULATED_CONFIG, emulatorUrl: 'http://127.0.0.1:4310' },
      logger(),
      'http://localhost:4200',
    ).system?.networkClient as AuthorityRoute;
    expect(elsewhere.route('https://login.emulator.localhost/t/oauth2/v2.0/token')).toBe(
      'http://127.0.0.1:4310/t/oauth2/v2.0/token',
    );
  });
});
