import { startEmulatedConsole } from '../testing/emulated-console';
import { ShellActions } from './agent.actions';
import { agentFeature, selectConnectionLabel } from './agent.feature';

describe('session effects on the emulator', () => {
  it('signs the agent in and reports the calling service connected', async () => {
    const app = await startEmulatedConsole('casey');
    expect(app.state(agentFeature.selectUser)?.displayName).toBe('Casey Novak');
    expect(app.state(selectConnectionLabel)).toBe('Online');
    expect(app.emulator.world.signedInEndpoints().map((e) => e.user?.key)).toEqual(['casey']);
  });

  it('leaves nothing signed in when the agent signs out while still connecting', async () => {
    const app = await startEmulatedConsole('alex', {
      waitUntilReady: false,
      beforeSignIn: (emulator) => emulator.world.faults.delayNext('createTeamsCallAgent', 5_000),
    });
    await app.settle();
    expect(app.state(agentFeature.selectStatus)).toBe('connecting');
    app.store.dispatch(ShellActions.signOutClicked());
    await app.advance(5_000);
    expect(app.state(agentFeature.selectStatus)).toBe('signedOut');
    expect(app.emulator.world.signedInEndpoints()).toEqual([]);
    expect(app.registry.size).toBe(0);
    expect(app.listenerCount()).toBe(app.baseline);
  });

  it('says the console is not connected when the calling service refuses, and Try again connects', async () => {
    const app = await startEmulatedConsole('alex', {
      waitUntilReady: false,
      beforeSignIn: (emulator) =>
        emulator.world.faults.failNext('createTeamsCallAgent', { code: 408, subCode: 40114 }),
    });
    await app.settle();
    expect(app.state(agentFeature.selectStatus)).toBe('failed');
    expect(app.state(agentFeature.selectFailure)).toEqual({
      message: 'Could not reach the calling service. Check the network and try again.',
      code: 408,
      subCode: 40114,
    });
    expect(app.state(selectConnectionLabel)).toBe('Not connected');
    app.store.dispatch(ShellActions.tryAgainClicked({ userKey: 'alex' }));
    await app.settle();
    expect(app.state(selectConnectionLabel)).toBe('Online');
  });
});
