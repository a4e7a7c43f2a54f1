import type {
  CallAgent,
  CallClient as SdkCallClient,
  CallClientFeature,
  CallClientFeatureFactory,
  DeviceManager,
  TeamsCallAgent,
} from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { RealClock, type Clock } from '../engine/clock';
import { ERROR } from '../engine/codes';
import { callingError, Connection, notModelled, type EmulatorTransport } from './connection';
import { EmulatedDeviceManager } from './device-manager';
import { ListenerTally } from './emitter';
import { callClientFeature, EmulatedDebugInfo } from './features';
import { Reconnection } from './reconnection';
import { EmulatedTeamsCallAgent } from './teams-call-agent';
import { webSocketTransport } from './websocket-transport';

/** Where clients reach the emulator: set once per module, since consumers construct `CallClient` themselves. */
let transport: EmulatorTransport | null = null;
let baseUrl = 'http://localhost:4310';
let clientTimers: Clock | null = null;

/**
 * Where clients created from now on reach the emulator, and (`timers`) the clock their agents
 * retry a lost connection on: by default the transport's (the in-memory emulator's manual clock,
 * which its `advance` moves), else the host's real timers.
 */
export function configure(options: { url?: string; transport?: EmulatorTransport; timers?: Clock }): void {
  if (options.url) baseUrl = options.url;
  transport = options.transport ?? null;
  clientTimers = options.timers ?? null;
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
  /** Set before the first await: a second concurrent create must see the first (409/40230). */
  private creatingAgent = false;
  private deviceManager: EmulatedDeviceManager | null = null;
  private debugInfo: EmulatedDebugInfo | null = null;
  /**
   * Every listener on anything this client handed out (agent, calls, incoming calls,
   * participants, device manager, features): the one count it reports to the world.
   */
  private readonly tally = new ListenerTally();

  constructor(_options?: unknown) {}

  async createTeamsCallAgent(credential: CommunicationTokenCredential): Promise<TeamsCallAgent> {
    if (this.creatingAgent || (this.agent && !this.agent.disposed)) {
      throw callingError({
        ...ERROR.agentExists,
        message: 'A TeamsCallAgent already exists for this CallClient: dispose it first.',
      });
    }
    this.creatingAgent = true;
    try {
      const agent = await this.connectAgent(credential);
      this.agent = agent;
      return agent;
    } finally {
      this.creatingAgent = false;
    }
  }

  private async connectAgent(credential: CommunicationTokenCredential): Promise<EmulatedTeamsCallAgent> {
    const { token } = await credential.getToken();
    const agent = new EmulatedTeamsCallAgent(this.tally);
    const connection = new Connection(
      (message) => agent.handle(message),
      () => agent.connectionLost(),
    );
    const via = currentTransport();
    await connection.signIn(via, { op: 'hello', token });
    // Listeners added before the agent existed (devices, DebugInfo) count from the start.
    this.tally.onChange = (count) => connection.reportListeners(count);
    if (this.tally.count > 0) connection.reportListeners(this.tally.count);
    const timers = clientTimers ?? via.timers ?? new RealClock();
    agent.attach(
      connection,
      new Reconnection({ connection, transport: via, timers, credential, hooks: agent }),
    );
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
    // The SDK hands out one feature object per client, so its listeners belong to this tally.
    const feature = callClientFeature(factory as { name?: string }, () => {
      this.debugInfo ??= new EmulatedDebugInfo(this.tally);
      return this.debugInfo;
    });
    return feature as unknown as TFeature;
  }

  async dispose(): Promise<void> {
    await this.agent?.dispose();
    this.agent = null;
  }
}
