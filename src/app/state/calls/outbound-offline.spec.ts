import { TestBed } from '@angular/core/testing';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { phoneNumberTarget } from '../../model/dial-target';
import { OFFLINE_MESSAGE } from '../../calling/outbound-codes';
import { DialerActions } from '../dialer/dialer.actions';
import { dialerFeature } from '../dialer/dialer.feature';
import { MeetingJoinFormActions } from '../meeting-join/meeting-join-form.actions';
import { meetingJoinFeature } from '../meeting-join/meeting-join.feature';
import { startEmulatedConsole } from '../testing/emulated-console';
import { callsFeature } from './calls.feature';

/** Alex's console, its connection to the calling service lost. */
async function offlineConsole() {
  const app = await startEmulatedConsole('alex');
  app.emulator.world.dropConnection('alex', 60);
  await app.settle();
  return app;
}

describe('placing calls while the agent is offline', () => {
  it('says the agent is offline instead of trying the call', async () => {
    const app = await offlineConsole();
    app.store.dispatch(DialerActions.callClicked({ target: phoneNumberTarget('+14255550123') }));
    await app.settle();
    expect(app.state(dialerFeature.selectFailure)).toEqual({ message: OFFLINE_MESSAGE });
    expect(app.state(dialerFeature.selectStatus)).toBe('idle');
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
  });

  it('says so when joining a meeting too, and leaves no meeting locator behind', async () => {
    const app = await offlineConsole();
    const [meeting] = app.emulator.world.meetings.list();
    const locators = TestBed.inject(SealedMeetingLocators);
    app.store.dispatch(
      MeetingJoinFormActions.joinClicked({
        ticket: locators.seal({ meetingLink: meeting!.link }),
        kind: 'link',
      }),
    );
    await app.settle();
    expect(app.state(meetingJoinFeature.selectFailure)).toEqual({ message: OFFLINE_MESSAGE });
    expect(locators.count).toBe(0);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
  });
});
