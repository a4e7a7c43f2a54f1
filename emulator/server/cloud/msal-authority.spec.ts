import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// The msal-common that @azure/msal-browser pins and runs: its Authority is what resolves endpoints.
import {
  Authority,
  AuthorityFactory,
  Logger,
  ProtocolMode,
  StubPerformanceClient,
  type AuthorityOptions,
  type INetworkModule,
  type NetworkResponse,
} from '@azure/msal-common';
import { startEmulator, type RunningEmulator } from '../emulator-server';
import { AUTHORITY, AUTHORITY_HOST, TENANT_ID } from './app-registration';

/**
 * MSAL's network seam as the console wires it in emulator mode: requests to the authority's
 * https name go to the emulator over plain http; every URL asked for is recorded.
 */
function emulatorRoute(emulatorUrl: string) {
  const requested: string[] = [];
  const route = (url: string) => url.replace(`https://${AUTHORITY_HOST}`, emulatorUrl);
  const send = async <T>(url: string, init: RequestInit): Promise<NetworkResponse<T>> => {
    requested.push(url);
    if (!url.startsWith(`https://${AUTHORITY_HOST}/`)) throw new Error(`No network to ${url}`);
    const response = await fetch(route(url), init);
    return { status: response.status, headers: {}, body: (await response.json()) as T };
  };
  const client: INetworkModule = {
    sendGetRequestAsync: (url) => send(url, {}),
    sendPostRequestAsync: (url, options) => send(url, { method: 'POST', body: options?.body ?? '' }),
  };
  return { client, requested };
}

type AuthorityCache = ConstructorParameters<typeof Authority>[2];

/** The few calls Authority makes on MSAL's cache, kept in a map. */
function authorityCache(): AuthorityCache {
  const entries = new Map<string, unknown>();
  return {
    getAuthorityMetadataByAlias: () => null,
    generateAuthorityMetadataCacheKey: (authority: string) => `authority-${authority}`,
    setAuthorityMetadata: (key: string, entity: unknown) => void entries.set(key, entity),
    getAuthorityMetadata: (key: string) => entries.get(key) ?? null,
  } as unknown as AuthorityCache;
}

const options = (overrides: Partial<AuthorityOptions> = {}): AuthorityOptions => ({
  protocolMode: ProtocolMode.AAD,
  knownAuthorities: [AUTHORITY_HOST],
  cloudDiscoveryMetadata: '',
  authorityMetadata: '',
  ...overrides,
});

const discover = (network: INetworkModule, authorityOptions: AuthorityOptions) =>
  AuthorityFactory.createDiscoveredInstance(
    AUTHORITY,
    network,
    authorityCache(),
    authorityOptions,
    new Logger({}),
    'correlation-id',
    new StubPerformanceClient(),
  );

describe('MSAL’s Authority against the emulated Entra ID', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('refuses the emulator’s plain-http address as an authority', () => {
    assert.throws(
      () =>
        new Authority(
          `${emulator.url}/${TENANT_ID}/`,
          emulatorRoute(emulator.url).client,
          authorityCache(),
          options(),
          new Logger({}),
          'correlation-id',
          new StubPerformanceClient(),
        ),
      { errorCode: 'authority_uri_insecure' },
    );
  });

  it('resolves the https authority name through the network seam: one discovery request, no instance discovery', async () => {
    const { client, requested } = emulatorRoute(emulator.url);
    const authority = await discover(client, options());
    assert.deepEqual(requested, [`${AUTHORITY}/v2.0/.well-known/openid-configuration`]);
    // MSAL accepted the discovery document's issuer, and takes the endpoints from it as they are.
    assert.equal(authority.authorizationEndpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize`);
    assert.equal(authority.tokenEndpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/token`);
    assert.equal(authority.endSessionEndpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/logout`);
  });

  it('needs no network at all given the discovery document as authorityMetadata', async () => {
    const { client, requested } = emulatorRoute(emulator.url);
    const metadata = await (
      await fetch(`${emulator.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)
    ).text();
    const authority = await discover(client, options({ authorityMetadata: metadata }));
    assert.deepEqual(requested, []);
    assert.equal(authority.tokenEndpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/token`);
  });

  it('asks Microsoft’s instance discovery first when the host is not a known authority', async () => {
    const { client, requested } = emulatorRoute(emulator.url);
    await assert.rejects(discover(client, options({ knownAuthorities: [] })), {
      errorCode: 'endpoints_resolution_error',
    });
    assert.deepEqual(requested, [
      `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${AUTHORITY}/oauth2/v2.0/authorize`,
    ]);
  });
});
