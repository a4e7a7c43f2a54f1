import type {
  CallAgent,
  CallClient as SdkCallClient,
  CallClientFeature,
  CallClientFeatureFactory,
  DeviceManager,
  TeamsCallAgent,
} from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { ERROR } from '../engine/codes';
import { callingError, Connection, notModelled, type EmulatorTransport } from './connection';
import { EmulatedDeviceManager } from './device-manager';
import { ListenerTally } from './emitter';
import { callClientFeature } from './features';
import { EmulatedTeamsCallAgent } from './teams-call-agent';
import { webSocketTransport } from './websocket-transport';

/** Where clients reach the emulator: set once per module, since consumers construct `CallClient` themselves. */
let transport: EmulatorTransport | null = null;
let baseUrl = 'http://localhost:4310';

export function configure(options: { url?: string; transport?: EmulatorTransport }): void {
  if (options.url) baseUrl = options.url;
  transport = options.transport ?? null;
}

function currentTransport(): EmulatorTransport {
  return transport ?? webSocketTransport(baseUrl);
}

/**
 * The emulator's `CallClient`. As with ACS, the user is whoever the token in the credential says;
 * one `TeamsCallAgent` per client at a time (409/40230 otherwise).
 */
export class CallClient implements Pick<
  SdkCallClient,
  'createTeamsCallAgent' | 'getDeviceManager' | 'dispose' | 'feature'
> {
  private agent: EmulatedTeamsCallAgent | null = null;
  private deviceManager: EmulatedDeviceManager | null = null;
  private readonly tally = new ListenerTally();

  constructor(_options?: unknown) {}

  async createTeamsCallAgent(credential: CommunicationTokenCredential): Promise<TeamsCallAgent> {
    if (this.agent && !this.agent.disposed) {
      throw callingError({
        ...ERROR.agentExists,
        message: 'A TeamsCallAgent already exists for this CallClient: dispose it first.',
      });
    }
    const { token } = await credential.getToken();
    const tally = new ListenerTally();
    const agent = new EmulatedTeamsCallAgent(tally);
    const connection = await Connection.open(
      currentTransport(),
      (message) => agent.handle(message),
      () => agent.connectionLost(),
    );
    try {
      await connection.request({ op: 'hello', token });
    } catch (error) {
      connection.close();
      throw error;
    }
    tally.onChange = (count) => connection.reportListeners(count);
    agent.attach(connection);
    this.agent = agent;
    return agent;
  }

  async createCallAgent(): Promise<CallAgent> {
    throw notModelled('createCallAgent (ACS users)');
  }

  async getDeviceManager(): Promise<DeviceManager> {
    this.deviceManager ??= new EmulatedDeviceManager(this.tally);
    return this.deviceManager;
  }

  feature<TFeature extends CallClientFeature>(factory: CallClientFeatureFactory<TFeature>): TFeature {
    return callClientFeature(factory as { name?: string }) as unknown as TFeature;
  }

  async dispose(): Promise<void> {
    await this.agent?.dispose();
    this.agent = null;
  }
}
