import { inject, Injectable } from '@angular/core';
import type { CallClient, TeamsCallAgent } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { Observable, Subscription } from 'rxjs';
import { agentEvents } from './agent.bridge';
import { CALL_CLIENT_FACTORY, CALLING_VALUES } from './calling-backend';
import { CONNECT_SCHEDULER, connectAgent } from './connect-agent';
import type { CallingEvent } from './calling-events';
import { CallRegistry } from './call-registry';
import { Logger } from '../core/logger';

/** Wall-clock source for the timestamps the bridges stamp on events; tests give their own. */
export const systemNow = (): number => Date.now();

/**
 * One signed-in session with the calling service: subscribing creates the `CallClient` and the
 * `TeamsCallAgent` and reports everything they do; unsubscribing (sign-out) removes every
 * listener and disposes both and the credential, so a new session starts clean.
 */
@Injectable({ providedIn: 'root' })
export class CallingSession {
  private readonly createCallClient = inject(CALL_CLIENT_FACTORY);
  private readonly loadValues = inject(CALLING_VALUES);
  private readonly registry = inject(CallRegistry);
  private readonly scheduler = inject(CONNECT_SCHEDULER);
  private readonly logger = inject(Logger);

  connect(credential: CommunicationTokenCredential, now: () => number = systemNow): Observable<CallingEvent> {
    return new Observable<CallingEvent>((subscriber) => {
      let closed = false;
      let client: CallClient | undefined;
      let agent: TeamsCallAgent | undefined;
      let events: Subscription | undefined;

      (async () => {
        const values = await this.loadValues();
        const newClient = await this.createCallClient();
        client = newClient;
        const newAgent = await connectAgent(newClient, credential, this.scheduler);
        if (closed) {
          // Signed out while connecting: the teardown found nothing to dispose, so do it here.
          await newAgent.dispose();
          await newClient.dispose();
          return;
        }
        agent = newAgent;
        this.registry.setAgent(agent);
        this.registry.setClient(newClient, values);
        subscriber.next({ type: 'agentReady', connectionState: agent.connectionState });
        events = agentEvents(agent, this.registry, now, values.Features, (message, error) =>
          this.logger.warning(message, error),
        ).subscribe(subscriber);
      })().catch((error: unknown) => {
        void client?.dispose().catch(() => undefined);
        subscriber.error(error);
      });

      return () => {
        closed = true;
        events?.unsubscribe();
        this.registry.clear();
        // Disposing ends this console's calls and frees the identity for the next agent (409/40230).
        // The credential goes last (the SDK may want a token while it disposes); its proactive
        // refresh timer would otherwise outlive the session.
        void (async () => {
          try {
            if (agent) {
              await agent.dispose();
              await client?.dispose();
            }
          } finally {
            credential.dispose();
          }
        })().catch(() => undefined);
      };
    });
  }
}
