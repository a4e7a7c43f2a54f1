import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { RELOAD_NOTE_KEY } from '../../core/reload-note-storage';
import type { MeetingLocator } from '../../model/meeting-locator';
import { ShellActions } from '../agent/shell.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { callsFeature } from '../calls/calls.feature';
import { MeetingJoinFormActions } from '../meeting-join/meeting-join-form.actions';
import { agentTabs, type AgentTab } from '../testing/agent-tabs';
import { BeforeReloadRegionActions } from './before-the-reload-region.actions';
import { selectBeforeReload, selectMeetingRejoin } from './reload-note.feature';

/** One tab of Alex's, which a test may reload (a new tab given the same sessionStorage). */
async function oneTab() {
  const browser = agentTabs('alex');
  let tab = await browser.open();
  await browser.untilReady(tab);
  const note = () => tab.storage.getItem(RELOAD_NOTE_KEY);
  const acceptCasey = () => browser.acceptCaseyIn(tab);
  const join = async (locator: MeetingLocator, kind: 'link' | 'coordinates' | 'meetingId') => {
    const ticket = tab.app.injector.get(SealedMeetingLocators).seal(locator);
    tab.store.dispatch(MeetingJoinFormActions.joinClicked({ ticket, kind }));
    await browser.settle();
  };
  const hangUp = async () => {
    tab.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: activeCall(tab)!.id }));
    await browser.settle();
  };
  const reload = async () => {
    const storage = tab.storage;
    tab.close();
    await browser.settle();
    tab = await browser.open(storage);
    await browser.untilReady(tab);
    return tab;
  };
  return { ...browser, tab: () => tab, note, acceptCasey, join, hangUp, reload };
}

const activeCall = (tab: AgentTab) => tab.state(callsFeature.selectActiveCall);

describe('the reload note', () => {
  it('keeps each live call by id, kind and name, and nothing once no call is live', async () => {
    const { note, acceptCasey, hangUp, closeAll } = await oneTab();
    expect(note()).toBeNull();
    const id = await acceptCasey();
    expect(JSON.parse(note()!)).toEqual([{ id, kind: 'queued', name: 'Casey Morgan' }]);
    await hangUp();
    expect(note()).toBeNull();
    await closeAll();
  });

  it('keeps how a meeting was joined, never its link, ID, passcode, coordinates or a token', async () => {
    const { emulator, note, join, hangUp, closeAll } = await oneTab();
    const meeting = emulator.world.meetings.list().find((m) => !m.lobby)!;
    const secrets = [
      meeting.link,
      meeting.meetingId,
      meeting.passcode,
      meeting.threadId,
      meeting.organizerId,
      meeting.messageId,
      emulator.tokenFor('alex').split('.')[1],
    ];
    await join({ meetingLink: meeting.link }, 'link');
    const byLink = note()!;
    expect(JSON.parse(byLink)).toEqual([jasmine.objectContaining({ kind: 'meeting', joinedBy: 'link' })]);
    await hangUp();
    await join({ meetingId: meeting.meetingId, passcode: meeting.passcode }, 'meetingId');
    const byId = note()!;
    expect(JSON.parse(byId)).toEqual([jasmine.objectContaining({ kind: 'meeting', joinedBy: 'meetingId' })]);
    for (const secret of secrets) {
      expect(byLink).not.toContain(secret);
      expect(byId).not.toContain(secret);
    }
    expect(byId.toLowerCase()).not.toContain('passcode');
    await closeAll();
  });

  it('says after a reload what became of each call, by name, until dismissed; then the note is gone', async () => {
    const { acceptCasey, reload, note, settle, closeAll } = await oneTab();
    await acceptCasey();
    const tab = await reload();
    expect(tab.state(selectBeforeReload).map((line) => line.text)).toEqual([
      'Your call with Casey Morgan ended when the page reloaded.',
    ]);
    expect(note()).toBeNull();
    tab.store.dispatch(BeforeReloadRegionActions.dismissClicked());
    await settle();
    expect(tab.state(selectBeforeReload)).toEqual([]);
    await closeAll();
  });

  it('opens the join form again on the form a meeting was joined by, once it ended with a reload', async () => {
    const { emulator, join, reload, settle, closeAll } = await oneTab();
    const meeting = emulator.world.meetings.list().find((m) => !m.lobby)!;
    await join({ meetingLink: meeting.link }, 'link');
    const tab = await reload();
    expect(tab.state(selectBeforeReload).map((line) => line.text)).toEqual([
      'Your Teams meeting ended when the page reloaded.',
    ]);
    expect(tab.state(selectMeetingRejoin)).toBe('link');
    // Joining again is the end of it.
    await join({ meetingLink: meeting.link }, 'link');
    await settle();
    expect(tab.state(selectMeetingRejoin)).toBeNull();
    await closeAll();
  });

  it('is cleared by signing out', async () => {
    const { acceptCasey, tab, note, settle, closeAll } = await oneTab();
    await acceptCasey();
    expect(note()).not.toBeNull();
    tab().store.dispatch(ShellActions.signOutClicked());
    await settle();
    expect(note()).toBeNull();
    await closeAll();
  });

  it('says nothing in a tab that does not take the calls (a duplicated tab comes with the note of the other)', async () => {
    const { acceptCasey, tab, open, settle, closeAll } = await oneTab();
    await acceptCasey();
    const duplicate = await open(tab().storage.copy());
    await settle();
    expect(duplicate.state(selectBeforeReload)).toEqual([]);
    expect(duplicate.state(selectMeetingRejoin)).toBeNull();
    await closeAll();
  });
});
