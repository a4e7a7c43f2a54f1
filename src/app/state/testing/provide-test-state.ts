import { signal, type EnvironmentProviders, type Provider } from '@angular/core';
import { provideState, provideStore } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { agentFeature } from '../agent/agent.feature';
import { callsFeature } from '../calls/calls.feature';
import { provideOutboundTestState } from '../outbound/provide-outbound-state';
import { participantsFeature } from '../participants/participants.feature';
import { queueFeature } from '../queue/queue.feature';

/** The real store and reducers, without effects, and a clock the test sets. */
export function provideTestState(now = signal(0)): (Provider | EnvironmentProviders)[] {
  return [
    provideStore(
      {},
      { runtimeChecks: { strictStateSerializability: true, strictActionSerializability: true } },
    ),
    provideState(agentFeature),
    provideState(queueFeature),
    provideState(callsFeature),
    provideState(participantsFeature),
    ...provideOutboundTestState(),
    { provide: Ticker, useValue: { now } },
  ];
}
