import type { GraphFaults } from './graph-faults';
import { answerGraph } from './graph-routes';
import type { GraphWorld } from './graph-world';

/** The part of a Graph client request a terminal middleware sees (`Context` in the Graph client). */
interface GraphClientContext {
  request: RequestInfo;
  options?: RequestInit;
  response?: Response;
}

/**
 * The emulator's Graph in the test's own process, as the last middleware of a
 * `@microsoft/microsoft-graph-client` client: requests are answered by the same routes the server
 * answers over HTTP, one event-loop turn later (as a network would), with no server to start.
 */
export class InProcessGraph {
  constructor(
    private readonly world: GraphWorld,
    private readonly faults?: GraphFaults,
  ) {}

  async execute(context: GraphClientContext): Promise<void> {
    const request = new Request(context.request, context.options);
    const url = new URL(request.url);
    const text = await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answer = answerGraph(
      this.world,
      {
        method: request.method,
        url: `${url.pathname}${url.search}`,
        origin: url.origin,
        headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      },
      this.faults,
    );
    // No body, no content type (as Graph answers `setPresence`): the Graph client parses none.
    context.response =
      answer.body === undefined
        ? new Response(null, { status: answer.status })
        : new Response(JSON.stringify(answer.body), {
            status: answer.status,
            headers: { 'Content-Type': 'application/json' },
          });
  }
}
