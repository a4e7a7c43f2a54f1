import { TestBed } from '@angular/core/testing';
import { teamsUserTarget } from '../../model/dial-target';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { ActiveCallPanelActions } from '../../state/calls/active-call-panel.actions';
import { callsFeature } from '../../state/calls/calls.feature';
import { ActiveCallPanelComponent } from '../active-call/active-call-panel.component';
import { startDialingConsole } from '../testing/dialing-console';
import { DialerPanelComponent } from './dialer-panel.component';

const JORDAN = '00000000-0000-4000-8000-00000000b002';
const TAYLOR = '00000000-0000-4000-8000-00000000b003';
const AVERY = '00000000-0000-4000-8000-00000000b004';

/** Alex's dialer and active call panel side by side, on the in-memory emulator. */
async function workspace() {
  const app = await startDialingConsole('alex');
  const dialer = TestBed.createComponent(DialerPanelComponent);
  const panel = TestBed.createComponent(ActiveCallPanelComponent);
  const text = (fixture: typeof dialer | typeof panel) => {
    fixture.detectChanges();
    return ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  return { app, dialerText: () => text(dialer), panelText: () => text(panel) };
}

describe('a placed call that does not connect, as the agent reads it', () => {
  it('says once, in the dialer, that the callee declined, by name', async () => {
    const { app, dialerText, panelText } = await workspace();
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(JORDAN, 'Jordan Diaz', 'public') }),
    );
    await app.advance(2_000);
    expect(dialerText()).toContain('Jordan Diaz declined the call. (code 603/0)');
    expect(panelText()).not.toContain('declined');
    expect(panelText()).not.toContain('603');
  });

  it('names an offline Teams user as the agent picked them, and says it once', async () => {
    const { app, dialerText, panelText } = await workspace();
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(AVERY, 'Avery Stone', 'public') }),
    );
    await app.settle();
    expect(dialerText()).toContain('Avery Stone is offline. (code 480/10076)');
    expect(panelText()).not.toContain('offline');
    // "Teams user id" is the dialer's label; a person is never called "Teams user".
    expect(`${dialerText()} ${panelText()}`).not.toMatch(/Teams user(?! id)/);
  });

  it('names the callee in the call’s title while it rings', async () => {
    const { app, panelText } = await workspace();
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(TAYLOR, 'Taylor Kim', 'public') }),
    );
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.counterpart?.displayName).toBe('Taylor Kim');
    expect(panelText()).toContain('Taylor Kim');
  });

  it('says in the active call panel, not the dialer, that the agent hung up before it connected', async () => {
    const { app, dialerText, panelText } = await workspace();
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(TAYLOR, 'Taylor Kim', 'public') }),
    );
    await app.settle();
    const callId = app.state(callsFeature.selectActiveCall)!.id;
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId }));
    await app.settle();
    expect(panelText()).toContain('Call with Taylor Kim ended: You hung up.');
    expect(dialerText()).not.toContain('hung up');
  });

  it('says the agent is offline, with no code twice, when they call while the connection is down', async () => {
    const { app, dialerText, panelText } = await workspace();
    app.emulator.world.dropConnection('alex', 60);
    await app.settle();
    app.store.dispatch(
      DialerActions.callClicked({ target: teamsUserTarget(TAYLOR, 'Taylor Kim', 'public') }),
    );
    await app.settle();
    expect(dialerText()).toContain('You are offline: calls can be placed once Switchboard is back online.');
    expect(dialerText().match(/\(code/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(panelText()).not.toContain('offline');
    expect(panelText()).not.toContain('408');
  });
});
