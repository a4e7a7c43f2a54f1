import { BrowserAuthError } from '@azure/msal-browser';
import { AuthorityRoute, isLocalAuthority } from './authority-route';

const AUTHORITY = 'https://login.emulator.localhost/00000000-0000-4000-8000-0000000e0000';

describe('AuthorityRoute (MSAL’s network seam for a local authority)', () => {
  it('knows a local authority by its .localhost name, and no real tenant is one', () => {
    expect(isLocalAuthority(AUTHORITY)).toBeTrue();
    expect(isLocalAuthority('https://login.microsoftonline.com/contoso.onmicrosoft.com')).toBeFalse();
    expect(isLocalAuthority('https://localhost.contoso.com/tenant')).toBeFalse();
  });

  it('sends what MSAL asks of the authority to the emulator, and everything else where MSAL sent it', () => {
    const route = new AuthorityRoute(AUTHORITY, 'http://localhost:4200/');
    expect(route.route(`${AUTHORITY}/v2.0/.well-known/openid-configuration`)).toBe(
      'http://localhost:4200/00000000-0000-4000-8000-0000000e0000/v2.0/.well-known/openid-configuration',
    );
    expect(route.route('http://localhost:4200/00000000-0000-4000-8000-0000000e0000/oauth2/v2.0/token')).toBe(
      'http://localhost:4200/00000000-0000-4000-8000-0000000e0000/oauth2/v2.0/token',
    );
    // A host that merely starts like the authority's is not the authority.
    expect(route.route('https://login.emulator.localhost.evil.example/x')).toBe(
      'https://login.emulator.localhost.evil.example/x',
    );
  });

  it('answers in MSAL’s network shape, and fails as MSAL’s own client fails when nothing answers', async () => {
    const fetch = spyOn(window, 'fetch').and.resolveTo(
      new Response(JSON.stringify({ issuer: `${AUTHORITY}/v2.0` }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const route = new AuthorityRoute(AUTHORITY, 'http://localhost:4200');
    const response = await route.sendGetRequestAsync<{ issuer: string }>(
      `${AUTHORITY}/v2.0/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(200);
    expect(response.body.issuer).toBe(`${AUTHORITY}/v2.0`);
    expect(response.headers['content-type']).toBe('application/json');
    expect(String(fetch.calls.mostRecent().args[0])).toBe(
      'http://localhost:4200/00000000-0000-4000-8000-0000000e0000/v2.0/.well-known/openid-configuration',
    );

    fetch.and.rejectWith(new TypeError('Failed to fetch'));
    await expectAsync(
      route.sendPostRequestAsync(`${AUTHORITY}/oauth2/v2.0/token`, { body: 'x' }),
    ).toBeRejectedWith(jasmine.objectContaining({ errorCode: 'post_request_failed' }));
    await expectAsync(route.sendGetRequestAsync(`${AUTHORITY}/x`)).toBeRejectedWithError(BrowserAuthError);
  });
});
