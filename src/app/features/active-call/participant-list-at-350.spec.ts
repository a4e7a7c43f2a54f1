import { TestBed } from '@angular/core/testing';
import { TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Store } from '@ngrx/store';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { ActiveCallPanelComponent } from './active-call-panel.component';
import { ParticipantListHarness } from './participant-list.harness';
import { renderedAfterScroll } from '../../shared/testing/virtual-scroll';

/** At most this many rows exist at once, whatever the size of the meeting. */
const MAX_ROWS_IN_DOM = 40;

/** Attendee 1 … Attendee 350, Teams users in a meeting the agent organizes. */
function attendees(count: number) {
  return Array.from({ length: count }, (_, i) =>
    participant('m', `8:orgid:attendee-${i + 1}`, {
      identity: { kind: 'microsoftTeamsUser', rawId: `8:orgid:attendee-${i + 1}` },
      displayName: `Attendee ${i + 1}`,
      role: 'Presenter',
    }),
  );
}

describe('ParticipantListComponent in a meeting of 350', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const capable = { isPresent: true, reason: 'Capable' } as const;
    const capabilities = { muteOthers: capable, removeParticipant: capable };
    store.dispatch(CallingSdkEvents.callAdded({ call: call('m', { kind: 'meeting', capabilities }) }));
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'm', participants: attendees(350) }));
    const roster = await TestbedHarnessEnvironment.loader(fixture).getHarness(ParticipantListHarness);
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, store, roster, element };
  }

  it('renders a few of its 350 rows, each named and with its buttons, and counts them all', async () => {
    const { roster, element } = await setUp();
    expect(await roster.getHeading()).toBe('Participants (350)');
    const rows = await roster.getRenderedRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(element.querySelectorAll('[role="listitem"]').length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(await rows[0].getName()).toBe('Attendee 1');
    expect(await rows[0].getChips()).toEqual(['Connected', 'Presenter']);
    expect(await rows[0].canMute()).toBeTrue();
    expect(await rows[0].canRemove()).toBeTrue();
    // The list still says how long it is, for screen readers.
    const first = element.querySelector('[role="listitem"]');
    expect(first?.getAttribute('aria-setsize')).toBe('350');
    expect(first?.getAttribute('aria-posinset')).toBe('1');
  });

  it('reaches the last participant by scrolling, still with ≤ 40 rows in the DOM', async () => {
    const { fixture, roster, element } = await setUp();
    const viewport = element.querySelector<HTMLElement>('cdk-virtual-scroll-viewport')!;
    viewport.scrollTop = viewport.scrollHeight;
    await renderedAfterScroll(fixture);
    const rows = await roster.getRenderedRows();
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(await rows[rows.length - 1].getName()).toBe('Attendee 350');
    expect(await (await roster.getParticipant('Attendee 350')).canMute()).toBeTrue();
  });

  it('is one Tab stop: the arrows, End and Home move the focus, scrolling, and its buttons follow', async () => {
    const { fixture, roster } = await setUp();
    const [first, second] = await roster.getRenderedRows();
    expect(await first.isTabStop()).toBeTrue();
    expect(await first.areButtonsTabbable()).toBeTrue();
    expect(await second.isTabStop()).toBeFalse();
    expect(await second.areButtonsTabbable()).toBeFalse();
    await first.focus();
    await first.press(TestKey.DOWN_ARROW);
    expect(await roster.getFocusedName()).toBe('Attendee 2');
    expect(await second.areButtonsTabbable()).toBeTrue();
    await second.press(TestKey.END);
    await renderedAfterScroll(fixture);
    expect(await roster.getFocusedName()).toBe('Attendee 350');
    expect((await roster.getRenderedRows()).length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    await (await roster.getParticipant('Attendee 350')).press(TestKey.HOME);
    await renderedAfterScroll(fixture);
    expect(await roster.getFocusedName()).toBe('Attendee 1');
  });

  it('shows who speaks on the rows on screen as a storm goes on', async () => {
    const { store, roster } = await setUp();
    store.dispatch(
      CallingSdkEvents.participantsChanged({
        changes: attendees(350).map(({ participantId }, i) => ({
          callId: 'm',
          participantId,
          changes: { isSpeaking: i % 2 === 0 },
        })),
      }),
    );
    const rows = await roster.getParticipants();
    expect(rows.slice(0, 2)).toEqual([
      { name: 'Attendee 1', chips: ['Connected', 'Presenter', 'Speaking'] },
      { name: 'Attendee 2', chips: ['Connected', 'Presenter'] },
    ]);
  });
});
