import { TestBed } from '@angular/core/testing';
import { FakeFloor } from '../../floor/testing/fake-floor';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { callsFeature } from '../calls/calls.feature';
import { FloorApiActions } from '../floor/floor-api.actions';
import { otherConsole } from '../testing/group-call';
import { EscalationPanelActions } from './escalation-panel.actions';
import { selectActiveCallMutedBy, selectLeftCallOthers } from './escalation.view-model';
import { ALEX, onAPhoneCall, SAM } from './testing/escalating-console';

const SUPERVISOR = { id: SAM, displayName: 'Sam Okafor' };

describe('asking a supervisor, as the floor reports it', () => {
  it('says the request is out, offers Cancel once supervisors see it, and why it ended', async () => {
    const { app, callId, panel } = await onAPhoneCall();
    TestBed.inject(FakeFloor).welcome({ id: ALEX, displayName: 'Alex Rivera', role: 'agent' });
    await app.settle();
    app.store.dispatch(EscalationPanelActions.askSupervisorClicked({ callId }));
    expect(panel().supervisor).toEqual(
      jasmine.objectContaining({ text: 'Asking a supervisor…', cancelRequestId: null }),
    );
    expect(panel().canAskSupervisor).toBeFalse();
    app.store.dispatch(FloorApiActions.requestOpened({ callId, requestId: 'r1' }));
    expect(panel().supervisor?.cancelRequestId).toBe('r1');
    app.store.dispatch(FloorApiActions.requestExpired({ callId, requestId: 'r1' }));
    expect(panel().supervisor).toEqual(
      jasmine.objectContaining({ text: 'No supervisor joined within a minute.', dismissable: true }),
    );
    expect(panel().canAskSupervisor).toBeTrue();
    app.store.dispatch(EscalationPanelActions.supervisorNoticeDismissed({ callId }));
    expect(panel().supervisor).toBeNull();
  });

  it('says what the floor could not do', async () => {
    const { app, callId, panel } = await onAPhoneCall();
    app.store.dispatch(EscalationPanelActions.askSupervisorClicked({ callId }));
    const message = 'The floor is not reachable right now. Try again in a moment.';
    app.store.dispatch(FloorApiActions.requestFailed({ callId, message }));
    expect(panel().supervisor).toEqual(jasmine.objectContaining({ text: message, tone: 'failed' }));
  });

  it('takes the request back when the agent cancels it', async () => {
    const { app, callId, panel } = await onAPhoneCall();
    app.store.dispatch(EscalationPanelActions.askSupervisorClicked({ callId }));
    app.store.dispatch(FloorApiActions.requestOpened({ callId, requestId: 'r1' }));
    app.store.dispatch(EscalationPanelActions.askSupervisorCancelled({ callId, requestId: 'r1' }));
    expect(panel().supervisor).toBeNull();
    expect(panel().canAskSupervisor).toBeTrue();
  });

  for (const asked of [true, false]) {
    it(`adds the supervisor who joins ${asked ? 'when asked' : 'from the floor unasked'} through the escalation`, async () => {
      const { app, callId, panel, chat, roster, escalationLog, ringing } = await onAPhoneCall();
      const sam = await otherConsole(app, 'sam');
      if (asked) {
        app.store.dispatch(EscalationPanelActions.askSupervisorClicked({ callId }));
        app.store.dispatch(FloorApiActions.requestOpened({ callId, requestId: 'r1' }));
      }
      app.store.dispatch(
        FloorApiActions.joinRequested({ callId, supervisor: SUPERVISOR, requestId: asked ? 'r1' : null }),
      );
      await ringing();
      expect(panel().supervisor?.text).toBe('Sam Okafor is joining.');
      expect(panel().rows.map((r) => [r.name, r.chip])).toEqual([['Sam Okafor', 'Ringing']]);
      expect(chat()).toContain(SAM);
      await sam.accept();
      expect(panel().rows.map((r) => [r.name, r.chip, r.text])).toEqual([
        ['Sam Okafor', 'Joined', 'Sam Okafor joined the call.'],
      ]);
      expect(panel().supervisor).toBeNull();
      expect(roster()).toEqual(jasmine.arrayContaining([['Sam Okafor', 'Connected']]));
      expect(escalationLog()).toContain('[Escalation API] Chat Member Added');
      await sam.dispose();
    });
  }

  for (const cloud of ['gcch', 'dod'] as const) {
    it(`adds the supervisor in the agent’s own cloud (${cloud})`, async () => {
      const { app, callId, panel, roster, ringing } = await onAPhoneCall(cloud);
      const sam = await otherConsole(app, 'sam');
      app.store.dispatch(FloorApiActions.joinRequested({ callId, supervisor: SUPERVISOR, requestId: null }));
      await ringing();
      await sam.accept();
      expect(panel().rows.map((r) => [r.personId, r.chip])).toEqual([[`8:${cloud}:${SAM}`, 'Joined']]);
      expect(roster()).toEqual(jasmine.arrayContaining([['Sam Okafor', 'Connected']]));
      await sam.dispose();
    });
  }

  it('tells an agent who hangs up that the call goes on with the others, by name', async () => {
    const { app, callId, callerName, ringing } = await onAPhoneCall();
    const sam = await otherConsole(app, 'sam');
    app.store.dispatch(FloorApiActions.joinRequested({ callId, supervisor: SUPERVISOR, requestId: null }));
    await ringing();
    const samCall = await sam.accept();
    app.store.dispatch(
      ActiveCallPanelActions.hangUpClicked({ callId: app.state(callsFeature.selectActiveCall)!.id }),
    );
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toBeNull();
    expect(app.state(selectLeftCallOthers)?.map((p) => p.displayName)).toEqual([callerName, 'Sam Okafor']);
    expect(samCall.state).toBe('Connected');
    expect(samCall.remoteParticipants.map((p) => p.state)).not.toContain('Disconnected');
    await sam.dispose();
  });

  it('keeps the plain ending when the agent hangs up a 1:1 call', async () => {
    const { app, callId } = await onAPhoneCall();
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId }));
    await app.settle();
    expect(app.state(callsFeature.selectLastEnded)?.message).toBe('You hung up.');
    expect(app.state(selectLeftCallOthers)).toBeNull();
  });

  it('names who muted the agent when the floor says so, until the notice is dismissed', async () => {
    const { app, callId } = await onAPhoneCall();
    expect(app.state(selectActiveCallMutedBy)).toBeNull();
    app.store.dispatch(FloorApiActions.mutedBy({ callId, by: SUPERVISOR }));
    expect(app.state(selectActiveCallMutedBy)).toBe('Sam Okafor');
    app.store.dispatch(ActiveCallPanelActions.mutedNoticeDismissed({ callId }));
    expect(app.state(selectActiveCallMutedBy)).toBeNull();
  });
});
