import { Injectable } from '@angular/core';
import type {
  CallClient,
  DeviceManager,
  RemoteParticipant,
  TeamsCall,
  TeamsCallAgent,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import type { CallingValues } from './calling-backend';
import { CallingFailure } from './calling-codes';
import { participantId } from './snapshots';

/**
 * The live SDK objects, by id. The store holds only snapshots; effects come here for the object
 * to act on. Bridges add objects as the SDK announces them and remove them when they end.
 */
@Injectable({ providedIn: 'root' })
export class CallRegistry {
  private currentAgent: TeamsCallAgent | null = null;
  private currentClient: { client: CallClient; values: CallingValues } | null = null;
  private readonly incomingCalls = new Map<string, TeamsIncomingCall>();
  private readonly calls = new Map<string, TeamsCall>();

  get agent(): TeamsCallAgent {
    if (!this.currentAgent) throw new CallingFailure('You are not connected to the calling service.');
    return this.currentAgent;
  }

  setAgent(agent: TeamsCallAgent | null): void {
    this.currentAgent = agent;
  }

  /** The session's `CallClient`, and the values of the module it came from. */
  setClient(client: CallClient, values: CallingValues): void {
    this.currentClient = { client, values };
  }

  /** The SDK's feature factories and media classes, from the session's module. */
  get values(): CallingValues {
    if (!this.currentClient) throw new CallingFailure('You are not connected to the calling service.');
    return this.currentClient.values;
  }

  deviceManager(): Promise<DeviceManager> {
    if (!this.currentClient) throw new CallingFailure('You are not connected to the calling service.');
    return this.currentClient.client.getDeviceManager();
  }

  addIncomingCall(incoming: TeamsIncomingCall): void {
    this.incomingCalls.set(incoming.id, incoming);
  }

  removeIncomingCall(id: string): void {
    this.incomingCalls.delete(id);
  }

  incomingCall(id: string): TeamsIncomingCall {
    const incoming = this.incomingCalls.get(id);
    if (!incoming) throw new CallingFailure('This call is no longer ringing.');
    return incoming;
  }

  addCall(call: TeamsCall, id = call.id): void {
    this.calls.set(id, call);
  }

  removeCall(id: string): void {
    this.calls.delete(id);
  }

  /** Every call of the agent that has not ended. */
  liveCalls(): TeamsCall[] {
    return [...this.calls.values()];
  }

  call(id: string): TeamsCall {
    const call = this.calls.get(id);
    if (!call) throw new CallingFailure('This call has already ended.');
    return call;
  }

  participant(callId: string, id: string): RemoteParticipant {
    const participant = this.call(callId).remoteParticipants.find((p) => participantId(p) === id);
    if (!participant) throw new CallingFailure('This participant has left the call.');
    return participant;
  }

  /** How many live objects are held: a leak check for tests. */
  get size(): number {
    return this.incomingCalls.size + this.calls.size + (this.currentAgent ? 1 : 0);
  }

  clear(): void {
    this.currentAgent = null;
    this.currentClient = null;
    this.incomingCalls.clear();
    this.calls.clear();
  }
}
