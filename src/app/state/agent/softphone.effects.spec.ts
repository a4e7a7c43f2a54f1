import { agentFeature } from './agent.feature';
import { SoftphoneNoticeActions } from './softphone-notice.actions';
import { selectSoftphoneNotice, softphoneFeature } from './softphone.feature';
import { callsFeature } from '../calls/calls.feature';
import { agentTabs, type AgentTab } from '../testing/agent-tabs';

/** Two tabs of Alex's, the first opened (and settled) first, so it is the one that holds the softphone. */
async function twoTabs() {
  const browser = agentTabs('alex');
  const first = await browser.open();
  await browser.untilReady(first);
  const second = await browser.open();
  await browser.settle();
  const endpoints = () => browser.emulator.world.signedInEndpoints().filter((e) => e.user?.key === 'alex');
  return { ...browser, first, second, endpoints };
}

const place = (tab: AgentTab) => tab.state(softphoneFeature.selectPlace);

/** The first tab gave the softphone up and says so; the second takes calls, on the one console. */
function expectHandedOver(first: AgentTab, second: AgentTab, consoles: number) {
  expect(first.state(selectSoftphoneNotice)?.message).toBe('Switchboard is taking calls in another tab now.');
  expect(place(second)).toBe('here');
  expect(second.state(agentFeature.selectStatus)).toBe('ready');
  expect(consoles).toBe(1);
}

describe('one softphone per agent, across tabs', () => {
  it('lets one tab take calls; the other says another tab does, and its agent never connects', async () => {
    const { first, second, endpoints, closeAll } = await twoTabs();
    expect(place(first)).toBe('here');
    expect(first.state(agentFeature.selectStatus)).toBe('ready');
    expect(place(second)).toBe('elsewhere');
    expect(second.state(agentFeature.selectStatus)).toBe('connecting');
    expect(second.state(selectSoftphoneNotice)).toEqual({
      message: 'Switchboard is taking calls in another tab.',
      confirmation: null,
    });
    expect(endpoints().length).toBe(1);
    await closeAll();
  });

  it('hands over on Use here with no call: the first tab lets its agent go, the second rings', async () => {
    const { first, second, endpoints, ringOnce, settle, closeAll } = await twoTabs();
    const [before] = endpoints();
    second.store.dispatch(SoftphoneNoticeActions.useHereClicked());
    await settle();
    expectHandedOver(first, second, endpoints().length);
    expect(endpoints()[0].id).not.toBe(before.id);

    const { id, ringing } = await ringOnce(second, first);
    expect(ringing).toEqual([[id], []]);
    await closeAll();
  });

  it('asks before Use here ends a call in the other tab: Cancel keeps it, agreeing ends it', async () => {
    const { first, second, endpoints, settle, acceptCaseyIn, emulator, closeAll } = await twoTabs();
    const id = await acceptCaseyIn(first);
    expect(first.state(callsFeature.selectActiveCall)?.state).toBe('Connected');
    expect(second.state(softphoneFeature.selectLiveCallNamesElsewhere)).toEqual(['Casey Morgan']);

    second.store.dispatch(SoftphoneNoticeActions.useHereClicked());
    await settle();
    expect(second.state(selectSoftphoneNotice)?.confirmation).toBe(
      'Your call with Casey Morgan in the other tab will end.',
    );
    second.store.dispatch(SoftphoneNoticeActions.cancelClicked());
    await settle();
    expect(second.state(selectSoftphoneNotice)?.confirmation).toBeNull();
    expect(place(first)).toBe('here');
    expect(emulator.world.calls.all.get(id)?.status).toBe('live');

    second.store.dispatch(SoftphoneNoticeActions.useHereClicked());
    second.store.dispatch(SoftphoneNoticeActions.endItAndUseHereClicked());
    await settle();
    expectHandedOver(first, second, endpoints().length);
    // The tab that let go shows no call of its agent's: the call is not left on its screen.
    expect(first.state(callsFeature.selectAllCalls)).toEqual([]);
    // The caller's call ended with the first tab's agent.
    expect(emulator.world.calls.all.get(id)?.status ?? 'ended').toBe('ended');
    await closeAll();
  });

  it('takes calls by itself once the tab that held the softphone closes', async () => {
    const { first, second, endpoints, settle, ringOnce, closeAll } = await twoTabs();
    first.close();
    await settle();
    expect(place(second)).toBe('here');
    expect(second.state(agentFeature.selectStatus)).toBe('ready');
    expect(endpoints().length).toBe(1);
    const { id, ringing } = await ringOnce(second);
    expect(ringing).toEqual([[id]]);
    await closeAll();
  });

  it('takes calls once the other tab signs out, and a tab that gave the softphone up takes it back when the other closes', async () => {
    const { first, second, settle, closeAll } = await twoTabs();
    second.store.dispatch(SoftphoneNoticeActions.useHereClicked());
    await settle();
    expect(place(first)).toBe('elsewhere');
    second.close();
    await settle();
    expect(place(first)).toBe('here');
    expect(first.state(agentFeature.selectStatus)).toBe('ready');
    await closeAll();
  });
});
