import { inject, InjectionToken } from '@angular/core';
import type { Client, Context, Middleware } from '@microsoft/microsoft-graph-client';
import { AuthService } from '../core/auth/auth.service';
import { RUNTIME_CONFIG } from '../core/runtime-config';

/**
 * Makes the Microsoft Graph client every Graph request goes through. The library loads through a
 * dynamic `import()` on first use: the agent may never need it in a session.
 */
export type GraphClientFactory = () => Promise<Client>;

export const GRAPH_CLIENT_FACTORY = new InjectionToken<GraphClientFactory>('GRAPH_CLIENT_FACTORY', {
  factory: () => {
    const { baseUrl, version } = graphEndpoint(
      inject(RUNTIME_CONFIG).graphBaseUrl,
      globalThis.location.origin,
    );
    const auth = inject(AuthService);
    return async () => {
      const graph = await import('@microsoft/microsoft-graph-client');
      return createGraphClient(
        graph,
        baseUrl,
        () => auth.graphAccessToken(),
        new graph.HTTPMessageHandler(),
        version,
      );
    };
  },
});

/**
 * `config.json`'s `graphBaseUrl` ("https://graph.microsoft.com/v1.0", or "/v1.0" on the console's
 * origin) as the client library takes it: the service's root and the version apart.
 */
export function graphEndpoint(graphBaseUrl: string, origin: string): { baseUrl: string; version: string } {
  const url = new URL(graphBaseUrl.replace(/\/+$/, ''), origin);
  const segments = url.pathname.split('/');
  const version = segments.pop() || 'v1.0';
  url.pathname = `${segments.join('/')}/`;
  return { baseUrl: url.toString(), version };
}

/**
 * A Graph client whose requests carry the signed-in user's access token, then reach `transport`
 * (the network; an in-process Graph in tests). The library's own authentication handler only
 * signs requests to `https` hosts, so it would leave requests to the emulator over plain http
 * unsigned: this one signs every request to `baseUrl`, and no other.
 */
export function createGraphClient(
  graph: Pick<typeof import('@microsoft/microsoft-graph-client'), 'Client'>,
  baseUrl: string,
  accessToken: () => Promise<string>,
  transport: Middleware,
  version = 'v1.0',
): Client {
  return graph.Client.initWithMiddleware({
    baseUrl,
    defaultVersion: version,
    middleware: [new BearerToken(baseUrl, accessToken), transport],
  });
}

/** The name of the error a request fails with when no Graph access token could be had. */
export const GRAPH_SIGN_IN_FAILED = 'GraphSignInFailed';

class BearerToken implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly accessToken: () => Promise<string>,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (url.startsWith(this.baseUrl)) {
      const headers = new Headers(context.options?.headers);
      headers.set('Authorization', `Bearer ${await this.token()}`);
      context.options = { ...context.options, headers };
    }
    await this.next?.execute(context);
  }

  private async token(): Promise<string> {
    try {
      return await this.accessToken();
    } catch (error) {
      const failed = new Error(
        error instanceof Error ? error.message : 'No access token for Microsoft Graph.',
      );
      failed.name = GRAPH_SIGN_IN_FAILED;
      throw failed;
    }
  }
}
