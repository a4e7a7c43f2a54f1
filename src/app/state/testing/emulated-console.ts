import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CallClient as SdkCallClient } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { Store } from '@ngrx/store';
import { asapScheduler, Subject } from 'rxjs';
import { take } from 'rxjs/operators';
import * as emulatorClient from '../../../../emulator/client';
import { CallClient, configure, listenerCount } from '../../../../emulator/client';
import { createInMemoryEmulator, type InMemoryEmulator } from '../../../../emulator/testing/in-memory';
import { VideoRenderer } from '../../calling/video-renderer';
import { VideoViews } from '../../core/video-views';
import { CALL_CLIENT_FACTORY, CALLING_VALUES, type CallingValues } from '../../calling/calling-backend';
import { CallRegistry } from '../../calling/call-registry';
import { provideFakeFloor } from '../../floor/testing/fake-floor';
import { AuthService, type RestoredSession } from '../../core/auth/auth.service';
import type { TokenRenewalEvent } from '../../core/auth/token-renewal';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { teamsCloudOfAcsToken } from '../../core/auth/token-exchange';
import type { TeamsCloud } from '../../model/identity';
import { AppActions } from '../agent/app.actions';
import { ShellActions } from '../agent/shell.actions';
import { agentFeature } from '../agent/agent.feature';
import { FRAME_SCHEDULER } from '../coalesce-per-frame';
import { provideAppState } from '../provide-app-state';
import { provideWorkspaceState } from '../provide-workspace-state';
import { SETTINGS_STORAGE } from '../settings/settings-storage';
import { MemoryStorage } from './memory-storage';

/**
 * Sign-in as MSAL would have done it, for the in-memory emulator: the chosen user is signed in at
 * start-up, and their ACS tokens come straight from the world.
 */
export class InMemoryAuth extends AuthService {
  readonly renewal$ = new Subject<TokenRenewalEvent>();
  /** Each session started, and whether it asked for fresh tokens (as MSAL's `forceRefresh`). */
  readonly sessions: { readonly fresh: boolean }[] = [];
  private signedIn: boolean;
  constructor(
    private readonly emulator: InMemoryEmulator,
    private readonly userKey: string,
  ) {
    super();
    this.signedIn = true;
  }
  async restore(): Promise<RestoredSession> {
    return { signedIn: this.signedIn, failure: null };
  }
  async signIn(): Promise<void> {
    this.signedIn = true;
  }
  async startSession({ fresh = false }: { readonly fresh?: boolean } = {}): Promise<SignedInUser> {
    this.sessions.push({ fresh });
    const user = this.emulator.world.directory.user(this.userKey);
    if (!user || !this.signedIn) throw new Error(`No user ${this.userKey}`);
    const { displayName, role, microsoftTeamsUserId } = user;
    // The cloud as the real sign-in learns it: from the ACS token the world issues.
    const cloud = teamsCloudOfAcsToken(this.emulator.tokenFor(this.userKey));
    if (!cloud) throw new Error(`The world's token for ${this.userKey} is not a Teams user's.`);
    return { id: microsoftTeamsUserId, displayName, role, microsoftTeamsUserId, cloud };
  }
  credential() {
    return new AzureCommunicationTokenCredential(this.emulator.tokenFor(this.userKey));
  }
  async signInAgain(): Promise<void> {}
  /** The world's in-process stand-in for a sign-in's token, which its Graph takes. */
  async graphAccessToken(): Promise<string> {
    return this.emulator.world.signIn(this.userKey);
  }
  /** The world's in-process stand-in for a token for Switchboard's API (the floor's hello). */
  async apiAccessToken(): Promise<string> {
    return this.emulator.world.signIn(this.userKey);
  }
  async signOut(): Promise<void> {
    this.signedIn = false;
  }
}

/** The console's store, effects and calling backend, signed in as `userKey` on the in-memory emulator. */
export function emulatedConsoleProviders(
  emulator: InMemoryEmulator,
  userKey: string,
): (Provider | EnvironmentProviders)[] {
  return [
    provideAppState(),
    provideWorkspaceState(),
    { provide: CALL_CLIENT_FACTORY, useValue: async () => new CallClient() as unknown as SdkCallClient },
    { provide: VideoViews, useExisting: VideoRenderer },
    { provide: CALLING_VALUES, useValue: async () => emulatorClient as unknown as CallingValues },
    { provide: AuthService, useValue: new InMemoryAuth(emulator, userKey) },
    { provide: FRAME_SCHEDULER, useValue: asapScheduler },
    // The floor's server runs in Node: a console here talks to a fake of it, which a test drives.
    ...provideFakeFloor(),
    // Settings a test changes stay in the test (the browser's localStorage outlives it).
    { provide: SETTINGS_STORAGE, useValue: new MemoryStorage() },
  ];
}

export interface EmulatedConsoleOptions {
  readonly seed?: number;
  readonly providers?: Provider[];
  /** false: return as soon as the console starts, without waiting for the agent to be ready. */
  readonly waitUntilReady?: boolean;
  /** Runs before the console starts: faults for the sign-in itself. */
  readonly beforeSignIn?: (emulator: InMemoryEmulator) => void;
  /** The cloud of the emulated tenant (public unless said). */
  readonly teamsCloud?: TeamsCloud;
}

/** The consoles the running test started: each is checked for leaked listeners once it ends. */
const started: { signOutAndCheck: () => Promise<void> }[] = [];

/**
 * After every test that started a console: the agent signs out, and the emulator's listeners must
 * be back at their count before the console started (nothing the test left behind listens on).
 */
afterEach(async () => {
  const consoles = started.splice(0);
  for (const console of consoles.reverse()) await console.signOutAndCheck();
});

/**
 * The whole console minus its views (store, effects, bridges, registry) over the in-memory
 * emulator: effects are tested by what comes out of the store and what the emulator's world holds.
 */
export async function startEmulatedConsole(
  userKey = 'alex',
  { seed = 1, providers = [], waitUntilReady = true, beforeSignIn, teamsCloud }: EmulatedConsoleOptions = {},
) {
  const emulator = createInMemoryEmulator({ seed, ...(teamsCloud && { teamsCloud }) });
  configure({ transport: emulator.transport });
  const baseline = listenerCount();
  TestBed.configureTestingModule({
    providers: [...emulatedConsoleProviders(emulator, userKey), ...providers],
  });
  const store = TestBed.inject(Store);
  const registry = TestBed.inject(CallRegistry);
  const auth = TestBed.inject(AuthService);

  let current: object = {};
  store.subscribe((state) => (current = state));
  /**
   * Lets every delivery, promise and effect run to quiescence, without moving the clock: until the
   * store has stayed the same for a few turns of the event loop. Throws if it never does.
   */
  const settle = async () => {
    let last: object | null = null;
    for (let turn = 0, quiet = 0; turn < 200; turn++) {
      await emulator.settle();
      await new Promise((resolve) => setTimeout(resolve, 0));
      quiet = current === last ? quiet + 1 : 0;
      last = current;
      if (quiet === 3) return;
    }
    throw new Error('The console did not settle: its store still changed after 200 turns.');
  };
  const advance = async (ms: number) => {
    await emulator.advance(ms);
    await settle();
  };
  const state = <T>(selector: (state: object) => T): T => {
    let value!: T;
    store
      .select(selector)
      .pipe(take(1))
      .subscribe((v) => (value = v));
    return value;
  };

  const app = { emulator, store, registry, auth, settle, advance, state, baseline, listenerCount };
  started.push({
    signOutAndCheck: async () => {
      store.dispatch(ShellActions.signOutClicked());
      await settle();
      expect(listenerCount())
        .withContext(`${userKey}'s emulator listeners once the test ended and the agent signed out`)
        .toBe(baseline);
    },
  });
  beforeSignIn?.(emulator);
  store.dispatch(AppActions.started());
  if (!waitUntilReady) return app;
  for (let i = 0; i < 20 && !['ready', 'failed'].includes(state(agentFeature.selectStatus)); i++)
    await settle();
  if (state(agentFeature.selectStatus) !== 'ready')
    throw new Error(`${userKey} did not get ready to take calls.`);
  return app;
}
