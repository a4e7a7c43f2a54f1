import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../runtime-config';
import { EmulatorAuthService } from './emulator-auth.service';

/**
 * The emulator's HTTP API as the sign-in service sees it. Karma runs in a browser with no emulator
 * server, so `fetch` is answered here, in the server's shapes (emulator/server/http-api.ts).
 */
function emulatorApi(lifetimesInSeconds: number[] = [3_600, 3_600]) {
  const requests: { path: string; authorization: string | null; body: unknown }[] = [];
  const issued: string[] = [];
  spyOn(window, 'fetch').and.callFake(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    requests.push({
      path: url.pathname,
      authorization: headers.get('Authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : null,
    });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    switch (`${init?.method ?? 'GET'} ${url.pathname}`) {
      case 'POST /emulator/sign-in':
        return json(200, { accessToken: 'entra-access-token' });
      case 'POST /api/token':
        return headers.get('Authorization') === 'Bearer entra-access-token'
          ? json(200, {
              token: acsToken(issued, lifetimesInSeconds[issued.length] ?? 3_600),
              expiresOn: new Date(Date.now() + 3_600_000).toISOString(),
              user: { key: 'blake', displayName: 'Blake Chen', role: 'agent', microsoftTeamsUserId: 'b' },
            })
          : json(401, { error: 'Sign in again: the access token is missing, unknown or expired' });
      default:
        return json(404, { error: 'No route' });
    }
  });
  return { requests, issued };
}

/** An ACS-shaped JWT: the credential reads its expiry from `exp`. */
function acsToken(issued: string[], lifetimeInSeconds: number): string {
  const payload = { skypeid: 'orgid:b', exp: Math.floor(Date.now() / 1000) + lifetimeInSeconds };
  const token = [
    'eyJhbGciOiJub25lIn0',
    btoa(JSON.stringify(payload)).replace(/=+$/, ''),
    `s${issued.length}`,
  ].join('.');
  issued.push(token);
  return token;
}

describe('EmulatorAuthService', () => {
  let auth: EmulatorAuthService;

  beforeEach(() => {
    localStorage.removeItem('switchboard.user');
    TestBed.configureTestingModule({
      providers: [
        EmulatorAuthService,
        { provide: RUNTIME_CONFIG, useValue: { backend: 'emulator', emulatorUrl: 'http://emulator.test/' } },
      ],
    });
    auth = TestBed.inject(EmulatorAuthService);
  });

  afterEach(() => localStorage.removeItem('switchboard.user'));

  it('signs in as the picked user, then exchanges the access token for an ACS token', async () => {
    const { requests, issued } = emulatorApi();
    const user = await auth.signIn('blake');
    expect(user.displayName).toBe('Blake Chen');
    expect(requests).toEqual([
      { path: '/emulator/sign-in', authorization: null, body: { userKey: 'blake' } },
      { path: '/api/token', authorization: 'Bearer entra-access-token', body: null },
    ]);
    expect((await auth.credential().getToken()).token).toBe(issued[0]);
  });

  it('remembers who signed in across a reload, never a token, and forgets them at sign-out', async () => {
    emulatorApi();
    await auth.signIn('blake');
    expect(auth.rememberedUser()).toBe('blake');
    expect(JSON.stringify({ ...localStorage })).not.toContain('token');
    auth.signOut();
    expect(auth.rememberedUser()).toBeNull();
    expect(() => auth.credential()).toThrowError('Sign in before connecting to the calling service.');
  });

  it('gets a new ACS token with the sign-in’s access token once the old one has expired', async () => {
    const { requests, issued } = emulatorApi([-10, 3_600]);
    await auth.signIn('blake');
    const credential = auth.credential();
    expect((await credential.getToken()).token).toBe(issued[1]);
    expect(requests.filter((r) => r.path === '/api/token').map((r) => r.authorization)).toEqual([
      'Bearer entra-access-token',
      'Bearer entra-access-token',
    ]);
    credential.dispose();
  });

  it('says what failed when the emulator cannot be reached', async () => {
    spyOn(window, 'fetch').and.rejectWith(new TypeError('Failed to fetch'));
    await expectAsync(auth.signIn('blake')).toBeRejectedWithError(
      'Could not sign in: the emulator is not reachable.',
    );
    expect(auth.rememberedUser()).toBeNull();
  });

  it('passes on the server’s reason when it refuses', async () => {
    spyOn(window, 'fetch').and.resolveTo(
      new Response(JSON.stringify({ error: 'Unknown user "mallory"' }), { status: 400 }),
    );
    await expectAsync(auth.signIn('mallory')).toBeRejectedWithError(
      'Could not sign in: Unknown user "mallory".',
    );
  });
});
