import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { corpusText, framePayload, type BadFrameEntry, type BadRequestEntry } from '../../test-corpus/corpus';
import { readCorpus } from '../../test-corpus/read-corpus';
import { OIDC, signIn, tokensFor } from '../testing/entra-sign-in';
import { forgeFrom } from '../testing/forged-tokens';
import { rawConsole, rawHttp } from '../testing/raw-clients';
import { ACS_ACCESS_KEY } from './cloud/acs-identity';
import { SWITCHBOARD_CLIENT_ID, TENANT_ID } from './cloud/app-registration';
import { startEmulator, type RunningEmulator } from './emulator-server';

interface EmulatorTokenEntry {
  readonly recipe: string;
  readonly what: string;
  readonly acs: string;
  readonly graph: string;
  readonly hello: string;
}

const REQUESTS = readCorpus<BadRequestEntry>('http-requests.json', 'emulator');
const FRAMES = readCorpus<BadFrameEntry>('websocket-frames.json', 'emulator');
const TOKENS = readCorpus<EmulatorTokenEntry>('tokens.json', 'emulatorTokens');
const GRAPH_SCOPES = 'Chat.ReadWrite User.Read.All Presence.Read.All';

/** The corpus names the tenant and the app by placeholder: the emulator's well-known ones. */
const placeholders = (text: string) =>
  text.replaceAll('{tenant}', TENANT_ID).replaceAll('{client}', SWITCHBOARD_CLIENT_ID);

/**
 * The message of an answer, in whichever shape the part answering uses: the controls' `{ error }`,
 * Entra ID's `{ error, error_description }`, Graph's and ACS's `{ error: { code, message } }`.
 */
function messageOf(body: string): string {
  const parsed = JSON.parse(body) as { error: string | { message: string }; error_description?: string };
  if (typeof parsed.error !== 'string') return parsed.error.message;
  return parsed.error_description ?? parsed.error;
}

describe('the emulator and the bad-input corpus (test-corpus/)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(() => emulator.close());

  /** A console signs in on the calling service's socket: the emulator still serves. */
  async function consoleSignsIn() {
    const calling = await rawConsole(emulator.url);
    const result = await calling.request(1, { op: 'hello', token: emulator.world.issueToken('alex').token });
    assert.equal(result.error, undefined);
    calling.socket.close();
    await calling.closed;
  }

  it('answers every malformed request to its controls, Entra ID, identity and Graph, saying what is wrong', async () => {
    for (const entry of REQUESTS) {
      let status: number;
      let body: string;
      if (entry.raw !== undefined) {
        const answer = await rawHttp(emulator.url, corpusText(entry.raw));
        status = Number(answer.split(' ')[1]);
        body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      } else {
        const response = await fetch(`${emulator.url}${placeholders(corpusText(entry.path ?? '/'))}`, {
          method: entry.method,
          headers: { ...entry.headers },
          ...(entry.body !== undefined && { body: placeholders(corpusText(entry.body)) }),
        });
        status = response.status;
        body = await response.text();
      }
      assert.equal(status, entry.status, `${entry.what}: status (${body.slice(0, 200)})`);
      assert.ok(messageOf(body).includes(entry.message), `${entry.what}: "${messageOf(body)}"`);
    }
    // Nothing a refused control carried reached the world.
    assert.deepEqual(emulator.world.snapshot().queue, []);
    assert.equal((await fetch(`${emulator.url}/health`)).status, 200);
    await consoleSignsIn();
  });

  it('closes a console’s socket on every malformed frame, saying why, and keeps serving', async () => {
    for (const entry of FRAMES) {
      const calling = await rawConsole(emulator.url);
      // ws reports a close it had to make itself (a frame over the limit) as an error first.
      calling.socket.on('error', () => undefined);
      const { data, binary } = framePayload(entry);
      calling.socket.send(data, { binary });
      const closed = await calling.closed;
      assert.equal(closed.code, entry.close, `${entry.what}: close code (${closed.reason})`);
      assert.ok(closed.reason.includes(entry.reason), `${entry.what}: "${closed.reason}"`);
    }
    await consoleSignsIn();
  });

  it('refuses every forged or edited token at ACS identity, Graph and the calling service', async () => {
    const { apiToken, teamsToken } = await tokensFor(emulator.url, 'alex');
    const { tokens } = await signIn(emulator.url, 'alex', { scope: `${GRAPH_SCOPES} ${OIDC}` });
    const identity = new CommunicationIdentityClient(
      `endpoint=${emulator.url}/;accesskey=${ACS_ACCESS_KEY}`,
      {
        allowInsecureConnection: true,
      },
    );
    const alex = emulator.world.directory.user('alex')!.microsoftTeamsUserId;
    for (const entry of TOKENS) {
      const exchange = identity.getTokenForTeamsUser({
        teamsUserAadToken: await forgeFrom(entry.recipe, teamsToken, apiToken),
        clientId: SWITCHBOARD_CLIENT_ID,
        userObjectId: alex,
      });
      await assert.rejects(exchange, { statusCode: 401, message: entry.acs }, `${entry.what}: ACS identity`);

      const graph = await fetch(`${emulator.url}/v1.0/me`, {
        headers: {
          authorization: `Bearer ${await forgeFrom(entry.recipe, tokens.access_token, teamsToken)}`,
        },
      });
      assert.equal(graph.status, 401, `${entry.what}: Graph`);
      assert.equal(messageOf(await graph.text()), entry.graph, `${entry.what}: Graph`);

      const calling = await rawConsole(emulator.url);
      const acsToken = emulator.world.issueToken('alex').token;
      void calling.request(1, { op: 'hello', token: await forgeFrom(entry.recipe, acsToken, teamsToken) });
      assert.equal((await calling.closed).reason, entry.hello, `${entry.what}: hello`);
    }
    await consoleSignsIn();
  });
});
